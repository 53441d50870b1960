import Crypto
import Foundation

/// Seals the secrets Liaison must keep usable (an agency's webhook signing secret) so the store never holds them in
/// clear: AES-256-GCM under a key kept outside the store (`LIAISON_SECRET_KEY`, or a key file in the data folder).
/// A sealed value reads `sealed:v1:` and the base64 of nonce, ciphertext and tag; a value stored before sealing
/// began is read as it is.
public struct SecretBox: Sendable {
    let key: SymmetricKey

    public init(key: SymmetricKey) { self.key = key }

    /// A key for this process only (tests, and tools that never reopen what they sealed).
    public static let process = SecretBox(key: SymmetricKey(size: .bits256))

    static let prefix = "sealed:v1:"

    public func seal(_ secret: String) throws -> String {
        let box = try AES.GCM.seal(Data(secret.utf8), using: key)
        guard let combined = box.combined else { throw LiaisonError.invalid("secret", "could not be sealed") }
        return Self.prefix + combined.base64EncodedString()
    }

    /// The secret in clear; nil when it was sealed under another key or has been tampered with.
    public func open(_ stored: String) -> String? {
        guard stored.hasPrefix(Self.prefix) else { return stored }
        guard let data = Data(base64Encoded: String(stored.dropFirst(Self.prefix.count))),
            let box = try? AES.GCM.SealedBox(combined: data), let plain = try? AES.GCM.open(box, using: key)
        else { return nil }
        return String(decoding: plain, as: UTF8.self)
    }

    /// Whether `stored` is sealed rather than in clear.
    public static func isSealed(_ stored: String) -> Bool { stored.hasPrefix(prefix) }

    /// The key from `environmentKey` (base64 of 32 bytes), or else from `file`, which is made (readable by its owner
    /// only) with a new random key if it does not exist.
    public static func load(environmentKey: String?, file: String) throws -> SecretBox {
        if let encoded = environmentKey, !encoded.isEmpty {
            guard let data = Data(base64Encoded: encoded), data.count == 32 else {
                throw LiaisonError.invalid(
                    "LIAISON_SECRET_KEY", "must be the base64 of 32 random bytes (openssl rand -base64 32)")
            }
            return SecretBox(key: SymmetricKey(data: data))
        }
        if let data = FileManager.default.contents(atPath: file) {
            guard data.count == 32 else {
                throw LiaisonError.invalid("secret key file", "\(file) must hold exactly 32 bytes")
            }
            return SecretBox(key: SymmetricKey(data: data))
        }
        let key = SymmetricKey(size: .bits256)
        let bytes = key.withUnsafeBytes { Data($0) }
        let folder = (file as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        guard FileManager.default.createFile(atPath: file, contents: bytes, attributes: [.posixPermissions: 0o600])
        else {
            throw LiaisonError.invalid("secret key file", "\(file) cannot be written")
        }
        return SecretBox(key: key)
    }
}
