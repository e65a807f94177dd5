"""iWmo and iJw messages with providers (release 3.2).

EenPlan writes the allocation (301) and the claim answer (325), and reads what providers send:
start of delivery (305), stop of delivery (307) and the claim (323).

- ``codes``: message codes, namespaces, XSD versions and the retour codes used;
- ``writing``: the XML of a 301 and a 325;
- ``reading``: a safe parse of an incoming message into plain dataclasses;
- ``services``: exporting allocations and importing a message (matching, refusing, answering);
- ``selectors``: the messages a user may see;
- ``samples``: provider-side messages for tests and the demo.
"""
