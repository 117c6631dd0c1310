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
)
CLUSTER_KEYS = ("zorg", "welzijn", "pzon", "lokale_besturen")
STATUSES = ("missing", "contacted", "involved", "member")
