/// The demo's one page: the kiosk's screen on the left (click = tap), the simulated devices on
/// the right, the printed tickets below them. No external resources; the screen is long-polled
/// (`/screen.png?after=VERSION`), so an idle page costs a request every 15 s.
enum DemoPage {
    static let html = #"""
    <!doctype html>
    <html lang="zh-Hans">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>kioskd 演示 demo</title>
    <style>
      :root { --aspect: 1.7778; color-scheme: light; font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif; }
      body { margin: 0; display: flex; gap: 16px; padding: 12px; background: #e8ecf0; color: #1c2530; }
      #panel { position: relative; flex: none; line-height: 0; }
      /* As tall as the window allows while the controls keep 380 px beside it; the width follows the frame's aspect. */
      #screen { height: min(calc(100vh - 24px), calc((100vw - 420px) * var(--aspect))); width: auto; background: #000;
                cursor: pointer; border-radius: 8px; box-shadow: 0 2px 12px #0004; user-select: none; }
      .touch { position: absolute; width: 36px; height: 36px; margin: -18px 0 0 -18px; border-radius: 50%;
               background: #ffb30088; pointer-events: none; animation: fade .6s forwards; }
      @keyframes fade { to { opacity: 0; transform: scale(1.8); } }
      aside { flex: 1; min-width: 340px; max-width: 520px; display: flex; flex-direction: column; gap: 12px; }
      section { background: #fff; border-radius: 8px; padding: 10px 14px; box-shadow: 0 1px 4px #0002; }
      h1 { font-size: 1.2rem; margin: 4px 0; } h2 { font-size: 1rem; margin: 0 0 8px; }
      button, select { font: inherit; padding: 6px 10px; margin: 2px; border-radius: 6px; border: 1px solid #8894; background: #f6f8fa; cursor: pointer; }
      button:hover { background: #dde6f0; }
      #status { min-height: 1.4em; font-family: monospace; font-size: .9rem; }
      #status.error, #screen-note { color: #b00020; }
      #tickets-section { flex: 1; overflow: auto; }
      #tickets { display: flex; flex-direction: column; gap: 12px; }
      figure { margin: 0; } figure img { width: 100%; max-width: 288px; border: 1px solid #8884; background: #fff; }
      figcaption { font-size: .8rem; color: #556; }
    </style>
    </head>
    <body>
    <div id="panel"><img id="screen" width="1080" height="1920" alt="kiosk screen 自助终端屏幕"></div>
    <aside>
      <section>
        <h1>kioskd 演示 · demo</h1>
        <div>点击屏幕即触摸。Click the screen to touch it.</div>
        <div id="screen-note"></div>
      </section>
      <section>
        <h2>身份证读卡器 · ID card reader</h2>
        <select id="card"></select>
        <button id="place">放卡 Place card</button>
        <button id="lift">拿走 Lift card</button>
      </section>
      <section>
        <h2>小票打印机 · Receipt printer</h2>
        <div id="printer-buttons"></div>
      </section>
      <section>
        <div id="status"></div>
        <a id="report" href="#" target="_blank" rel="noopener">大厅晨报 · The hall's morning report</a>
      </section>
      <section id="tickets-section">
        <h2>打印的票 · Printed tickets</h2>
        <div id="no-tickets">尚无 · none yet</div>
        <div id="tickets"></div>
      </section>
    </aside>
    <script>
    "use strict";
    const $ = selector => document.querySelector(selector);
    const screenImage = $("#screen");
    const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
    const printerLabels = { "ready": "就绪 Ready", "paper-near-end": "纸将尽 Paper low", "paper-out": "缺纸 Paper out",
                            "cover-open": "开盖 Cover open", "jam": "卡纸 Jam" };
    let setup = { width: 1080, height: 1920 };
    let version = null;

    function errorText(body, response) { return (body && body.error && body.error.message) || response.statusText; }

    async function post(path, body) {
      const status = $("#status");
      try {
        const response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
        const answer = await response.json().catch(() => null);
        status.textContent = response.ok ? answer.answer : errorText(answer, response);
        status.className = response.ok ? "ok" : "error";
      } catch (error) {
        status.textContent = String(error);
        status.className = "error";
      }
    }

    screenImage.addEventListener("click", event => {
      const box = screenImage.getBoundingClientRect();
      const x = Math.min(setup.width - 1, Math.max(0, Math.floor((event.clientX - box.left) * setup.width / box.width)));
      const y = Math.min(setup.height - 1, Math.max(0, Math.floor((event.clientY - box.top) * setup.height / box.height)));
      const mark = document.createElement("div");
      mark.className = "touch";
      mark.style.left = (event.clientX - box.left) + "px";
      mark.style.top = (event.clientY - box.top) + "px";
      $("#panel").append(mark);
      setTimeout(() => mark.remove(), 700);
      post("/tap", { x, y });
    });
    $("#place").addEventListener("click", () => post("/card", { action: "place", card: $("#card").value }));
    $("#lift").addEventListener("click", () => post("/card", { action: "lift" }));

    // The screen, long-polled: the server answers when the frame changed (or 204 after 15 s).
    async function watchScreen() {
      for (;;) {
        if (document.hidden) await new Promise(resolve => document.addEventListener("visibilitychange", resolve, { once: true }));
        try {
          const response = await fetch("/screen.png" + (version === null ? "" : "?after=" + version), { cache: "no-store" });
          if (response.status === 200) {
            version = Number(response.headers.get("X-Frame-Version"));
            const old = screenImage.src;
            screenImage.src = URL.createObjectURL(await response.blob());
            if (old.startsWith("blob:")) URL.revokeObjectURL(old);
            $("#screen-note").textContent = "";
            refreshTickets();
          } else if (response.status !== 204) {
            $("#screen-note").textContent = errorText(await response.json().catch(() => null), response);
            await sleep(1000);
          }
        } catch (error) {
          $("#screen-note").textContent = "演示服务未响应 The demo server does not answer.";
          await sleep(2000);
        }
      }
    }

    const shownTickets = new Set();
    async function refreshTickets() {
      try {
        const response = await fetch("/tickets", { cache: "no-store" });
        if (!response.ok) return;
        const { tickets } = await response.json();
        for (const name of tickets) {
          if (shownTickets.has(name)) continue;
          shownTickets.add(name);
          const figure = document.createElement("figure");
          const image = new Image();
          image.className = "ticket";
          image.alt = name;
          image.src = "/tickets/" + encodeURIComponent(name);
          const caption = document.createElement("figcaption");
          caption.textContent = name;
          figure.append(image, caption);
          $("#tickets").prepend(figure);
        }
        $("#no-tickets").hidden = tickets.length > 0;
      } catch (error) { /* the next round tries again */ }
    }

    async function start() {
      setup = await (await fetch("/setup")).json();
      screenImage.width = setup.width;
      screenImage.height = setup.height;
      document.documentElement.style.setProperty("--aspect", setup.height / setup.width);
      for (const name of setup.cards) $("#card").append(new Option(name, name, false, name === "resident"));
      for (const state of setup.printerStates) {
        const button = document.createElement("button");
        button.textContent = printerLabels[state] || state;
        button.dataset.printer = state;
        button.addEventListener("click", () => post("/printer", { state }));
        $("#printer-buttons").append(button);
      }
      $("#report").href = setup.reportURL;
      refreshTickets();
      setInterval(() => { if (!document.hidden) refreshTickets(); }, 3000);
      watchScreen();
    }
    start();
    </script>
    </body>
    </html>
    """#
}
