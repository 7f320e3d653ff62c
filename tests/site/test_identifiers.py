import uuid

from handbook.site.identifiers import NAMESPACE, stable_uuid


def test_a_key_always_gives_the_same_version_5_uuid_under_the_fixed_namespace():
    assert stable_uuid("service:payroll") == stable_uuid("service:payroll") == str(uuid.uuid5(NAMESPACE, "service:payroll"))
    assert uuid.UUID(stable_uuid("service:payroll")).version == 5
    assert str(NAMESPACE) == "4b0f3c39-5d0e-4d7a-9a43-2f6f0c1e8d21"  # changing it changes every published id
