import LiaisonCore

extension Migration {
    /// API tokens expire: those issued before live 90 days from their issue.
    static let m030ApiTokenExpiry = Migration(name: "030_api_token_expiry") { _ in
        [
            "ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT",
            "UPDATE api_tokens SET expires_at = created_at + \(Int64(APITokenRecord.lifetime * 1000))",
        ]
    }
}
