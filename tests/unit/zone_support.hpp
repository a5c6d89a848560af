// Test helpers for the evaluations that read DNS: in-memory zones (the JSON zone format of
// maildiag/dns/zone.hpp) answer every question they ask.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "maildiag/dns/resolver.hpp"
#include "maildiag/dns/zone.hpp"
#include "maildiag/spf/check_host.hpp"

namespace test_support {

/// The zone written in `json`; the test case stops when it does not parse.
inline maildiag::dns::Zone zone_from(const std::string& json) {
  auto parsed = maildiag::dns::Zone::parse(json);
  REQUIRE_MESSAGE(parsed.zone, parsed.error);
  return std::move(*parsed.zone);
}

/// Runs a sans-IO evaluation, `evaluate(const dns::Cache&)`, until the zone has answered all it
/// asks.
template <class Evaluate>
auto evaluate_on_zone(const std::string& zone_json, Evaluate&& evaluate) {
  maildiag::dns::Zone zone = zone_from(zone_json);
  maildiag::dns::Cache cache;
  return maildiag::dns::drive(std::forward<Evaluate>(evaluate), zone, cache);
}

/// check_host() (RFC 7208) for mail from `ip` with this MAIL FROM and HELO, against the zone.
inline maildiag::spf::Evaluation check_host_on_zone(const std::string& zone_json,
                                                    const std::string& ip,
                                                    const std::string& mail_from,
                                                    const std::string& helo = "mail.example.com") {
  maildiag::spf::Request request;
  request.ip = ip;
  request.mail_from = mail_from;
  request.helo = helo;
  return evaluate_on_zone(zone_json, [&](const maildiag::dns::Cache& cache) {
    return maildiag::spf::check_host(request, cache);
  });
}

/// One TXT entry of a zone's JSON: "name":[{"type":"TXT","data":"record"}].
inline std::string txt(const std::string& name, const std::string& record) {
  return "\"" + name + "\":[{\"type\":\"TXT\",\"data\":\"" + record + "\"}]";
}

}  // namespace test_support
