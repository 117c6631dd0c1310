"""The graph model's fixed vocabulary (see the design): labels with their key, relationships."""

KEYS = {
    "Zone": "id",
    "Municipality": "nis",
    "Cluster": "id",
    "Category": "key",
    "Organisation": "id",
    "Person": "id",
    "Goal": "id",
    "Action": "id",
    "Source": "id",
    # Follow-up (see graphmap.engagement and graphmap.followup): dated, attributed records.
    "EngagementChange": "id",
    "ContactMoment": "id",
    "NextStep": "id",
    # Team access (see graphmap.users and graphmap.audit): who may sign in, and what they did.
    "User": "name",
    "AuditEntry": "id",
    # A zone's log: its audit entries link to it (IN_LOG), so that one zone's audit is read
    # from the zone, not from every entry of Flanders. Keyed by the zone's id, not linked to
    # the Zone: a reset of the zone keeps its log.
    "Log": "zone",
    # Bookkeeping, not data: one node whose token every write transaction changes, so that
    # a table derived from the whole graph can tell whether it is still current
    # (graphmap.store.Store.revision). Left out of backups, counts and statistics.
    "Revision": "id",
}
LABELS = tuple(KEYS)
RELATIONSHIP_TYPES = (
    "COVERS",
    "HAS_CLUSTER",
    "EXPECTS",
    "OF_CATEGORY",
    "MEMBER_OF",
    "LOCATED_IN",
    "WORKS_AT",
    "OF_ZONE",
    "UNDER",
    "LEADS",
    "PARTNER_IN",
    "CONTACT_FOR",
    "STATED_IN",
    "ABOUT",  # (EngagementChange|ContactMoment)-[:ABOUT]->(Organisation)
    "IN_CLUSTER",  # (EngagementChange)-[:IN_CLUSTER]->(Cluster)
    "WITH_PERSON",  # (ContactMoment)-[:WITH_PERSON]->(Person): who was spoken to
    "PLANS",  # (ContactMoment)-[:PLANS]->(NextStep)
    "IN_LOG",  # (AuditEntry)-[:IN_LOG]->(Log): one per zone the entry concerns
)
CLUSTER_KEYS = ("zorg", "welzijn", "pzon", "lokale_besturen")
STATUSES = ("missing", "contacted", "involved", "member")
MOMENT_KINDS = ("telefoon", "e-mail", "overleg", "event")
ROLES = ("viewer", "editor", "admin")
