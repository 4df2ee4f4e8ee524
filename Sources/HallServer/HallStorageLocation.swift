import Foundation
import Logging
import NIOPosix
import PostgresNIO

/// Where the hall keeps its data: the SQLite file in the state directory (the default), or a
/// PostgreSQL database shared by several hall instances.
public enum HallStorageLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let location): location.description
        }
    }

    /// Opens the store (applying its migrations), runs `body` with it and closes it, also when
    /// `body` throws. For PostgreSQL the client's pool runs for as long as `body` does.
    public func withStorage<T: Sendable>(logger: Logger, _ body: (any HallStorage) async throws -> T) async throws -> T {
        switch self {
        case .sqlite(let path):
            // Opening checks and migrates the file: blocking, so on NIO's thread pool.
            let store = try await NIOThreadPool.singleton.runIfActive { try SQLiteHallStore(path: path) }
            do {
                let result = try await body(store)
                try await NIOThreadPool.singleton.runIfActive { try store.closeNow() }
                return result
            } catch {
                try? await NIOThreadPool.singleton.runIfActive { try store.closeNow() }
                throw error
            }
        case .postgres(let location):
            try await PostgresHallStore.prepare(location, logger: logger)
            let client = PostgresClient(configuration: try location.clientConfiguration(), backgroundLogger: logger)
            let store = PostgresHallStore(postgres: location, client: client, logger: logger)
            return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
                group.addTask { await client.run() }
                defer { group.cancelAll() }
                return try await body(store)
            }
        }
    }
}
