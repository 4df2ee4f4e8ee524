import Foundation
import KioskCore
import Logging
import Synchronization

/// Speaks the Flow's prompts with a text-to-speech program (espeak-ng by default: `-v cmn` for
/// Mandarin, `-v en` for English). A new prompt cuts the one still speaking: the citizen has
/// moved on. Processes are started on a serial queue of their own (fork and exec are system
/// calls that must not run on the Swift concurrency pool), in order; nothing waits for them.
final class VoicePrompter: Sendable {
    let command: String
    let logger: Logger
    private let state = Mutex<(speaking: Process?, failed: Bool)>((nil, false))
    private let queue = DispatchQueue(label: "kioskd.voice")

    init(command: String, logger: Logger) {
        self.command = command
        self.logger = logger
    }

    func say(_ text: String, in language: Language) {
        queue.async { self.start(text, in: language) }
    }

    private func start(_ text: String, in language: Language) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command.hasPrefix("/") ? command : "/usr/bin/env")
        let voice = language == .english ? "en" : "cmn"
        process.arguments = (command.hasPrefix("/") ? [] : [command]) + ["-v", voice, text]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        state.withLock { state in
            if let speaking = state.speaking, speaking.isRunning { speaking.terminate() }
            do {
                try process.run()
                state = (process, false)
            } catch {
                // Once, not at every step: a kiosk without a voice still serves.
                if !state.failed {
                    logger.error("Unable to speak a prompt; install espeak-ng or fix voice_command in [journey]", metadata: ["voice.command": "\(command)", "cause": "\(error)"])
                }
                state = (nil, true)
            }
        }
    }

    /// Cuts the prompt speaking now (after any still being started).
    func stop() {
        queue.async {
            self.state.withLock { state in
                if let speaking = state.speaking, speaking.isRunning { speaking.terminate() }
                state.speaking = nil
            }
        }
    }
}
