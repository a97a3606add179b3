"""`python3 -m unittest discover -s scripts/fuzz -p 'test_*.py'` (run by scripts/test)."""

import unittest

from path_params import path_values_break_their_patterns

# The shape GET /api/admin/orders/{id} has in the generated document (ORDER_PUBLIC_ID).
ORDER_BY_ID = {
    "parameters": [
        {"in": "path", "name": "id", "required": True, "schema": {"type": "string", "pattern": "^ord_[A-Za-z0-9_-]{16,40}$"}},
        {"in": "query", "name": "expand", "schema": {"type": "string"}},
    ]
}


class PathValues(unittest.TestCase):
    def test_when_the_id_matches_its_pattern_then_the_request_is_schema_valid(self):
        self.assertFalse(path_values_break_their_patterns(ORDER_BY_ID, {"id": "ord_0123456789abcdef"}))

    def test_when_a_gateway_id_fills_our_id_then_it_breaks_the_pattern(self):
        self.assertTrue(path_values_break_their_patterns(ORDER_BY_ID, {"id": "order_0123456789abcdef"}))

    def test_when_a_link_supplied_none_then_the_request_is_not_schema_valid(self):
        self.assertTrue(path_values_break_their_patterns(ORDER_BY_ID, {"id": None}))
        self.assertTrue(path_values_break_their_patterns(ORDER_BY_ID, {}))
        self.assertTrue(path_values_break_their_patterns(ORDER_BY_ID, None))

    def test_when_the_text_none_fills_an_order_id_then_it_breaks_the_pattern(self):
        self.assertTrue(path_values_break_their_patterns(ORDER_BY_ID, {"id": "None"}))

    def test_when_a_path_parameter_has_no_pattern_then_any_present_value_is_valid(self):
        raw = {"parameters": [{"in": "path", "name": "slug", "schema": {"type": "string"}}]}
        self.assertFalse(path_values_break_their_patterns(raw, {"slug": "anything"}))
        self.assertTrue(path_values_break_their_patterns(raw, {"slug": None}))

    def test_when_an_operation_has_no_path_parameters_then_nothing_breaks(self):
        self.assertFalse(path_values_break_their_patterns({}, None))
        self.assertFalse(path_values_break_their_patterns(None, {"id": None}))


if __name__ == "__main__":
    unittest.main()
