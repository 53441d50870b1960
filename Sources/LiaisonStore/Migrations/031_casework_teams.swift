import LiaisonCore

extension Migration {
    /// Where a Home Office file is held is one of the casework teams, chosen from a list.
    static let m031CaseworkTeams = Migration(name: "031_casework_teams") { _ in
        Migrations.referenceInserts(["casework-team"])
    }
}
