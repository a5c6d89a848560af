// Fuzz target: the MIME layer on any bytes: structure, decoded text of every part, header
// decoding, delivery-status fields and mbox splitting.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "maildiag/mime/delivery_status.hpp"
#include "maildiag/mime/encoded_word.hpp"
#include "maildiag/mime/mbox.hpp"
#include "maildiag/mime/message.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  maildiag::mime::Limits limits;
  limits.max_message_size = 1 << 20;
  maildiag::mime::Message message = maildiag::mime::parse_message(input, limits);
  for (const auto& part : message.parts) {
    std::string text = message.text(part);
    if (part.content_type.type == "message") (void)maildiag::mime::parse_delivery_status(text);
    for (const auto& field : part.headers.fields)
      (void)maildiag::mime::decode_encoded_words(maildiag::mime::unfold(field.value));
  }
  (void)maildiag::mime::split_mbox(input);
  return 0;
}
