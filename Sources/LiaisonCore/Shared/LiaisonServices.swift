/// Every service, built once over one store, clock and audit log: the one factory the server, the command line and
/// the benchmarks use. Handlers are given services, never the store.
public struct LiaisonServices: Sendable {
    public let audit: AuditLog
    public let subjects: SubjectService
    public let groups: OCGService
    public let matching: SubjectMatching
    public let reviews: MatchReviewService
    public let cases: CaseService
    public let imports: ImportService
    public let obligations: ObligationService
    public let guidance: GuidanceService
    public let pois: POIService
    public let interventions: InterventionService
    public let scoring: ScoringService
    public let operations: OperationService
    public let assets: AssetService
    public let reports: ReportService
    public let intelligence: IntelligenceService
    public let gain: GAINService
    public let alerts: AlertService
    public let directory: DirectoryService
    public let reference: ReferenceService
    public let auditing: AuditService
    public let accounts: UserAdministration

    /// - Parameters:
    ///   - audit: where the services record what they do; by default the store's own audit chain.
    ///   - webhookHosts: the internal hosts agencies' webhooks may reach.
    ///   - secrets: seals and opens the agencies' webhook secrets.
    public init(
        store: any LiaisonStore, clock: any LiaisonClock = SystemClock(), audit: AuditLog? = nil,
        webhookHosts: WebhookHosts = WebhookHosts(), secrets: SecretBox = .process
    ) {
        let audit = audit ?? AuditLog(store: store, clock: clock)
        self.audit = audit
        subjects = SubjectService(store: store, clock: clock, audit: audit)
        groups = OCGService(store: store, clock: clock, audit: audit)
        matching = SubjectMatching(store: store, audit: audit)
        reviews = MatchReviewService(store: store, clock: clock, audit: audit)
        cases = CaseService(store: store, clock: clock, audit: audit)
        imports = ImportService(store: store, clock: clock, audit: audit, reviews: reviews)
        obligations = ObligationService(
            store: store, clock: clock, audit: audit, webhookHosts: webhookHosts, secrets: secrets)
        guidance = GuidanceService(store: store, clock: clock, audit: audit)
        pois = POIService(store: store, clock: clock, audit: audit)
        interventions = InterventionService(store: store, clock: clock, audit: audit)
        scoring = ScoringService(store: store, clock: clock, audit: audit)
        operations = OperationService(store: store, clock: clock, audit: audit)
        assets = AssetService(store: store, clock: clock, audit: audit)
        reports = ReportService(store: store, clock: clock, audit: audit)
        intelligence = IntelligenceService(store: store, clock: clock, audit: audit)
        gain = GAINService(store: store, clock: clock, audit: audit)
        alerts = AlertService(store: store, clock: clock, audit: audit)
        directory = DirectoryService(store: store, clock: clock)
        reference = ReferenceService(store: store, audit: audit)
        auditing = AuditService(store: store, audit: audit)
        accounts = UserAdministration(store: store, audit: audit)
    }
}
