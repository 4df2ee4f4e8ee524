"""Schemathesis hooks for make test-api (loaded through SCHEMATHESIS_HOOKS by schemathesis_test.py).

Counts the requests each operation got and their statuses (written to HALL_API_COUNTS at exit),
and adds the checks the document cannot say: with kiosk HALL_API_KIOSK's certificate, a path
naming any other kiosk is refused with 403 wrong_kiosk; without a certificate (HALL_API_NO_CERT=1),
every /v1 route answers 401 unauthenticated.
"""

import atexit
import collections
import json
import os

import schemathesis

KIOSK = os.environ["HALL_API_KIOSK"]
NO_CERTIFICATE = os.environ.get("HALL_API_NO_CERT") == "1"
COUNTS_PATH = os.environ.get("HALL_API_COUNTS")
VERSION_HEADER = "Kiosk-Protocol-Version"

counts = collections.defaultdict(collections.Counter)


@schemathesis.hook
def after_call(context, case, response):
    counts[case.operation.label][str(response.status_code)] += 1


def _write_counts():
    if COUNTS_PATH:
        with open(COUNTS_PATH, "w") as file:
            json.dump(counts, file, indent=1, sort_keys=True)


atexit.register(_write_counts)


@schemathesis.hook
def before_call(context, case, kwargs):
    """The examples and coverage phases ignore the config's "body.kioskID" override (fuzzing
    applies it): put the enrolled kiosk in their bodies too, or every valid body would name the
    document's example kiosk and get 403. schemathesis checks the edited body against the schema
    again before sending it, so a case whose only violation was its kioskID counts as valid."""
    if isinstance(case.body, dict) and "kioskID" in case.body:
        case.body["kioskID"] = KIOSK


def _undeclared_method(case):
    """schemathesis also sends methods a path does not have (TRACE ...); those are not the route's."""
    return case.method.upper() != case.operation.method.upper()


def _refused_version(case):
    """The hall checks Kiosk-Protocol-Version before anything else: another value is a 400."""
    headers = case.headers or {}
    value = next((v for k, v in headers.items() if k.lower() == VERSION_HEADER.lower()), None)
    return value is not None and str(value).strip() != "1"


def _error_code(response):
    try:
        body = response.json()
    except Exception:
        return None
    return body.get("error") if isinstance(body, dict) else None


@schemathesis.check
def foreign_kiosk_is_refused(ctx, response, case):
    kiosk = (case.path_parameters or {}).get("kioskID")
    if NO_CERTIFICATE or kiosk is None or kiosk == KIOSK or _undeclared_method(case):
        return None
    status = response.status_code
    if status == 403 and _error_code(response) == "wrong_kiosk":
        return None
    # Refused earlier than the path check: a bad version header (every route), or a body that is
    # not a batch or too large (the events route reads its body before it compares kiosks).
    if status == 400 and _refused_version(case):
        return None
    if status in (400, 413) and case.operation.path.endswith("/events"):
        return None
    raise AssertionError(
        f"Kiosk {KIOSK}'s certificate on kiosk {kiosk!r}'s path was answered {status} "
        f"({_error_code(response)}), not 403 wrong_kiosk"
    )


@schemathesis.check
def missing_certificate_is_refused(ctx, response, case):
    if not NO_CERTIFICATE or not case.operation.path.startswith("/v1/") or _undeclared_method(case):
        return None
    status = response.status_code
    if status == 401 and _error_code(response) == "unauthenticated":
        return None
    if status == 400 and _refused_version(case):
        return None
    raise AssertionError(f"A request without a client certificate was answered {status} ({_error_code(response)}), not 401 unauthenticated")
