// A static zone: DNS answers from a JSON file, for tests and "what if" evaluations.
//
// Format: an object mapping lowercase owner names (no trailing dot) to arrays of records (see
// maildiag/dns/json.hpp), plus {"type":"TIMEOUT"}, which makes every query at that name for a
// type without records there time out. A name absent from the zone is NXDOMAIN; a name present
// without records of the asked type answers with no data. CNAMEs are followed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/config.hpp"
#include "maildiag/dns/answer.hpp"
#include "maildiag/dns/resolver.hpp"

namespace maildiag {
namespace dns {

class MAILDIAG_API Zone : public Resolver {
 public:
  struct ParseResult;

  /// Reads the JSON zone format. Never throws; a malformed file gives an error naming the
  /// place: a byte offset for JSON syntax, the owner name and record index otherwise.
  MAILDIAG_FUNC static ParseResult parse(std::string_view json_text);

  /// The answer to one question, following up to 8 CNAMEs (a longer chain or a loop is an error).
  MAILDIAG_FUNC Answer lookup(const Question& question) const;

  /// "What if": replaces the records of `type` at `name` (creating the name if needed).
  MAILDIAG_FUNC void set_records(std::string_view name, RecordType type, std::vector<Record> records);

  MAILDIAG_FUNC std::vector<Answer> resolve(const std::vector<Question>& questions) override;

  std::size_t size() const noexcept { return nodes_.size(); }

 private:
  struct Node {
    std::vector<Record> records;
    bool timeout = false;
  };
  std::map<std::string, Node, std::less<>> nodes_;
};

struct Zone::ParseResult {
  std::optional<Zone> zone;
  std::string error;  // empty on success
};

}  // namespace dns
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/dns/zone-inl.hpp"
#endif
