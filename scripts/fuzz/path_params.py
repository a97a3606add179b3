"""Whether a case's path parameters are ones the OpenAPI document could call valid.

Kept apart from hooks.py (which needs schemathesis) so scripts/test can check it with a bare
Python: `python3 -m unittest discover -s scripts/fuzz -p 'test_*.py'`.
"""

import re


def path_values_break_their_patterns(operation_raw, path_parameters):
    """True when a path parameter is missing or does not match the pattern the document gives it.

    A stateful step takes values from earlier answers (the document's links, links schemathesis
    infers, its pool of seen values), not from the schema: it may put a gateway's `order_…` id
    where the document asks for one of our `ord_…` ids, or follow a link whose source field was
    absent, in which case Python's None is formatted into the URL as the text "None" (seen in
    CI: GET /api/admin/orders/None after listing webhook events). Neither request is
    schema-valid, whatever its generation mode says, and refusing it is right.
    """
    values = path_parameters or {}
    for param in (operation_raw or {}).get("parameters", []):
        if param.get("in") != "path":
            continue
        value = values.get(param.get("name"))
        if value is None:
            return True  # every path parameter is required (OpenAPI 3.1 §4.8.12.2)
        pattern = (param.get("schema") or {}).get("pattern")
        if pattern and not re.search(pattern, str(value)):
            return True
    return False
