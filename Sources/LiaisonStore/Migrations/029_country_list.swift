import LiaisonCore

extension Migration {
    /// Nationalities and countries are checked against a reference list of ISO 3166 codes.
    static let m029CountryList = Migration(name: "029_country_list") { _ in Migrations.referenceInserts(["country"]) }
}
