"""Schemathesis hooks for `npm run test:fuzz` (loaded through SCHEMATHESIS_HOOKS).

Our API answers 400 both when a request breaks its schema (VALIDATION_ERROR, INVALID_JSON) and
when a well-formed request names something that does not exist or cannot be done (an unknown
product, a checkout that is not ours, a forged signature): the same convention as Stripe's API.
Schemathesis's built-in `positive_data_acceptance` cannot tell those apart, so it is replaced by
this check, which holds our own validation to the document: a request the schema calls valid
must never be refused *as invalid*.
"""

import schemathesis

from path_params import path_values_break_their_patterns

SCHEMA_REFUSALS = {"VALIDATION_ERROR", "INVALID_JSON", "UNSUPPORTED_MEDIA_TYPE"}


@schemathesis.check
def schema_valid_requests_pass_validation(ctx, response, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return None
    raw = getattr(getattr(case.operation, "definition", None), "raw", None)
    if path_values_break_their_patterns(raw, case.path_parameters):
        return None
    if response.status_code not in (400, 415):
        return None
    try:
        code = response.json()["error"]["code"]
    except Exception:  # not our error body: the built-in checks report that
        return None
    if code in SCHEMA_REFUSALS:
        raise AssertionError(
            f"A request the OpenAPI document calls valid was refused as invalid ({code}): "
            "the zod schema and the document disagree"
        )
    return None
