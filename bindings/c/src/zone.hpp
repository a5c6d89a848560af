// The "..._zone" functions of the C API answer every DNS question from a zone given as JSON.
#pragma once

#include <optional>
#include <string_view>
#include <utility>

#include "maildiag/dns/cache.hpp"
#include "maildiag/dns/resolver.hpp"
#include "maildiag/dns/zone.hpp"

namespace maildiag::c_api {

/// Runs a sans-IO evaluation, `evaluate(const dns::Cache&)`, until the zone in `zone_json` has
/// answered all it asks; nullopt when the zone does not parse.
template <typename Evaluate>
auto evaluate_on_zone(std::string_view zone_json, Evaluate&& evaluate)
    -> std::optional<decltype(evaluate(std::declval<const dns::Cache&>()))> {
  auto parsed = dns::Zone::parse(zone_json);
  if (!parsed.zone) return std::nullopt;
  dns::Cache cache;
  return dns::drive(std::forward<Evaluate>(evaluate), *parsed.zone, cache);
}

}  // namespace maildiag::c_api
