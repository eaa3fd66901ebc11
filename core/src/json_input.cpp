#include "powerdesk/json_input.hpp"

#include <algorithm>

namespace powerdesk {
namespace {

// Builds the DOM like nlohmann's own SAX DOM builder, except that a number
// with a fraction or exponent is stored as its source text. It also tracks
// the JSON pointer of the value being read, so a parse error can say where.
class ExactSax {
 public:
  using Dom = nlohmann::detail::json_sax_dom_parser<Json>;
  explicit ExactSax(Json& root) : dom_(root, false) {}

  bool null() { return scalar() && dom_.null(); }
  bool boolean(bool v) { return scalar() && dom_.boolean(v); }
  bool number_integer(Json::number_integer_t v) { return scalar() && dom_.number_integer(v); }
  bool number_unsigned(Json::number_unsigned_t v) { return scalar() && dom_.number_unsigned(v); }
  bool number_float(Json::number_float_t, const std::string& text) {
    // An integer literal arrives here only when it does not fit 64 bits:
    // out of range for every field, as 1e400 is (not a wrong type).
    if (text.find_first_of(".eE") == std::string::npos) {
      integer_too_big_ = true;
      return false;
    }
    std::string copy = text;
    return scalar() && dom_.string(copy);
  }
  bool string(std::string& v) { return scalar() && dom_.string(v); }
  bool binary(Json::binary_t& v) { return scalar() && dom_.binary(v); }
  bool start_object(std::size_t n) { return open(false) && dom_.start_object(n); }
  bool key(std::string& k) {
    Frame& f = frames_.back();
    f.key = k;
    f.key_pending = true;
    // A repeated key would silently override the first value.
    if (std::find(f.keys.begin(), f.keys.end(), k) != f.keys.end()) {
      duplicate_ = true;
      return false;
    }
    f.keys.push_back(k);
    return dom_.key(k);
  }
  bool end_object() { close(); return dom_.end_object(); }
  bool start_array(std::size_t n) { return open(true) && dom_.start_array(n); }
  bool end_array() { close(); return dom_.end_array(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    error_position_ = position;
    error_id_ = e.id;
    not_utf8_ = std::string_view(e.what()).find("ill-formed UTF-8") != std::string_view::npos;
    return false;
  }

  bool too_deep() const { return too_deep_; }
  bool duplicate() const { return duplicate_; }
  bool integer_too_big() const { return integer_too_big_; }
  bool not_utf8() const { return not_utf8_; }
  std::size_t error_position() const { return error_position_; }
  int error_id() const { return error_id_; }

  // Pointer to the value being read when parsing stopped: in each array the
  // element being read (an open child is not complete yet), in each object
  // the member whose value is pending; a container whose last value was
  // complete is itself the place of the error.
  std::string pointer() const {
    std::string p;
    for (size_t i = 0; i < frames_.size(); ++i) {
      const Frame& f = frames_[i];
      const bool innermost = i + 1 == frames_.size();
      if (f.array) p = pointer_join(p, f.next);  // an open child has not completed yet
      else if (!innermost || f.key_pending) p = pointer_join(p, f.key);
    }
    return p;
  }

 private:
  struct Frame {
    bool array = false;
    size_t next = 0;           // arrays: index of the next element
    std::string key;           // objects: the last key read
    bool key_pending = false;  // objects: that key's value is not complete yet
    std::vector<std::string> keys;  // objects: every key so far
  };

  // A value has been read completely in the innermost container.
  void completed() {
    if (frames_.empty()) return;
    if (frames_.back().array) ++frames_.back().next;
    else frames_.back().key_pending = false;
  }
  bool scalar() {
    completed();
    return true;
  }
  bool open(bool array) {
    if (static_cast<int>(frames_.size()) >= kMaxJsonDepth) {
      too_deep_ = true;
      return false;
    }
    frames_.push_back(Frame{array, 0, {}, false, {}});
    return true;
  }
  void close() {
    frames_.pop_back();
    completed();  // the container is a completed value of its parent
  }

  Dom dom_;
  std::vector<Frame> frames_;
  bool too_deep_ = false;
  bool duplicate_ = false;
  bool integer_too_big_ = false;
  bool not_utf8_ = false;
  std::size_t error_position_ = 0;
  int error_id_ = 0;
};

// UTF-16 (with or without a byte-order mark) puts a NUL byte next to every
// ASCII character; JSON text in UTF-8 never has one outside a broken string.
bool looks_like_utf16(std::string_view text) {
  if (text.size() < 2) return false;
  const auto b0 = static_cast<unsigned char>(text[0]), b1 = static_cast<unsigned char>(text[1]);
  return (b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF) || b0 == 0 || b1 == 0;
}

}  // namespace

Result<Json> parse_json_exact(std::string_view text) {
  if (looks_like_utf16(text)) {
    return make_issue(Code::JsonMalformed, "", "请求不是 UTF-8 编码（看起来是 UTF-16），请以 UTF-8 发送",
                      "The request is not UTF-8 (it looks like UTF-16); send it as UTF-8");
  }
  Json root;
  ExactSax sax(root);
  const bool ok = Json::sax_parse(text.begin(), text.end(), &sax, Json::input_format_t::json,
                                  /*strict=*/true, /*ignore_comments=*/false);
  if (ok) return root;
  const std::string where = sax.pointer();
  if (sax.too_deep()) {
    return make_issue(Code::JsonMalformed, where,
                      "JSON 嵌套超过 " + std::to_string(kMaxJsonDepth) + " 层",
                      "JSON nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  }
  if (sax.duplicate()) {
    return make_issue(Code::DuplicateKey, where, "字段 " + where + " 重复出现", "Field " + where + " appears twice");
  }
  if (sax.error_id() == 406 || sax.integer_too_big()) {  // e.g. 1e400, or 10^20
    return make_issue(Code::NumberOutOfRange, where, "数值超出可表示范围", "Number is out of any representable range");
  }
  const std::string at = std::to_string(sax.error_position());
  if (sax.not_utf8()) {
    return make_issue(Code::JsonMalformed, where,
                      "第 " + at + " 字节附近不是有效的 UTF-8（不接受 GBK 等其他编码），请以 UTF-8 发送",
                      "Invalid UTF-8 near byte " + at + " (GBK and other encodings are not accepted); send UTF-8");
  }
  return make_issue(Code::JsonMalformed, where, "JSON 格式错误（第 " + at + " 字节附近）",
                    "Malformed JSON near byte " + at);
}

Json bilingual_json(const Bilingual& text) { return Json{{"zh", text.zh}, {"en", text.en}}; }

Json citation_json(const Citation& c) {
  Json j{{"document", c.document}, {"date", c.date}};
  if (!c.note.empty()) j["note"] = c.note;
  return j;
}

std::string pointer_join(const std::string& base, std::string_view key) {
  std::string out = base + "/";
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string pointer_join(const std::string& base, size_t index) {
  return base + "/" + std::to_string(index);
}

const Json* FieldReader::member(const Json& parent, std::string_view key, const std::string& path,
                                bool required) {
  if (parent.is_object()) {
    auto it = parent.find(key);
    if (it != parent.end() && !it->is_null()) return &*it;
  }
  if (required) {
    const std::string p = pointer_join(path, key);
    add(make_issue(Code::FieldMissing, p, "缺少必填字段 " + p, "Required field " + p + " is missing"));
  }
  return nullptr;
}

void FieldReader::wrong_type(const std::string& p, std::string_view expected_zh,
                             std::string_view expected_en) {
  add(make_issue(Code::FieldType, p, "字段 " + p + " 类型错误，应为" + std::string(expected_zh),
                 "Field " + p + " has the wrong type; expected " + std::string(expected_en)));
}

void FieldReader::out_of_range(const std::string& p, const std::string& min,
                               const std::string& max) {
  add(make_issue(Code::NumberOutOfRange, p, "字段 " + p + " 超出范围 [" + min + ", " + max + "]",
                 "Field " + p + " is out of range [" + min + ", " + max + "]"));
}

const Json* FieldReader::object(const Json& parent, std::string_view key, const std::string& path,
                                bool required) {
  const Json* v = member(parent, key, path, required);
  if (v && !v->is_object()) {
    wrong_type(pointer_join(path, key), "对象", "an object");
    return nullptr;
  }
  return v;
}

const Json* FieldReader::array(const Json& parent, std::string_view key, const std::string& path,
                               bool required) {
  const Json* v = member(parent, key, path, required);
  if (v && !v->is_array()) {
    wrong_type(pointer_join(path, key), "数组", "an array");
    return nullptr;
  }
  return v;
}

std::optional<std::string> FieldReader::string(const Json& parent, std::string_view key,
                                               const std::string& path, bool required) {
  const Json* v = member(parent, key, path, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    wrong_type(pointer_join(path, key), "字符串", "a string");
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<bool> FieldReader::boolean(const Json& parent, std::string_view key,
                                         const std::string& path, bool required) {
  const Json* v = member(parent, key, path, required);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    wrong_type(pointer_join(path, key), "布尔值", "a boolean");
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<int64_t> FieldReader::integer(const Json& parent, std::string_view key,
                                            const std::string& path, bool required, int64_t min,
                                            int64_t max) {
  const Json* v = member(parent, key, path, required);
  if (!v) return std::nullopt;
  const std::string p = pointer_join(path, key);
  if (!v->is_number_integer()) {
    wrong_type(p, "整数", "an integer");
    return std::nullopt;
  }
  if (v->is_number_unsigned() && v->get<uint64_t>() > static_cast<uint64_t>(max)) {
    out_of_range(p, std::to_string(min), std::to_string(max));
    return std::nullopt;
  }
  const int64_t x = v->get<int64_t>();
  if (x < min || x > max) {
    out_of_range(p, std::to_string(min), std::to_string(max));
    return std::nullopt;
  }
  return x;
}

std::optional<Date> FieldReader::date(const Json& parent, std::string_view key,
                                      const std::string& path, bool required) {
  auto s = string(parent, key, path, required);
  if (!s) return std::nullopt;
  auto d = Date::parse(*s);
  if (!d) {
    const std::string p = pointer_join(path, key);
    add(make_issue(Code::DateInvalid, p, "日期 " + p + " 无效（应为 YYYY-MM-DD 的真实日期）：" + *s,
                   "Date " + p + " is not a valid YYYY-MM-DD calendar date: " + *s));
  }
  return d;
}

std::optional<Bilingual> FieldReader::bilingual(const Json& parent, std::string_view key,
                                                const std::string& path, bool required) {
  const Json* o = object(parent, key, path, required);
  if (!o) return std::nullopt;
  const std::string p = pointer_join(path, key);
  reject_unknown(*o, p, {"zh", "en"});
  auto zh = string(*o, "zh", p, true);
  auto en = string(*o, "en", p, true);
  if (!zh || !en) return std::nullopt;
  return Bilingual{*zh, *en};
}

bool FieldReader::decimal_units(const Json& v, const std::string& p, int scale, int64_t& units) {
  std::string text;
  if (v.is_number_integer()) {
    text = v.dump();
  } else if (v.is_string()) {
    text = v.get<std::string>();
  } else {
    wrong_type(p, "数值或数值字符串", "a number or numeric string");
    return false;
  }
  switch (parse_decimal_units(text, scale, units)) {
    case DecimalParseError::None:
      return true;
    case DecimalParseError::Syntax:
      add(make_issue(Code::NumberInvalid, p, "字段 " + p + " 不是有效数值：" + text,
                     "Field " + p + " is not a valid number: " + text));
      return false;
    case DecimalParseError::TooPrecise:
      add(make_issue(Code::NumberTooPrecise, p,
                     "字段 " + p + " 小数位过多（最多 " + std::to_string(scale) + " 位）：" + text,
                     "Field " + p + " has more than " + std::to_string(scale) +
                         " decimals: " + text));
      return false;
    case DecimalParseError::TooLarge:
      add(make_issue(Code::NumberOutOfRange, p, "字段 " + p + " 数值过大：" + text,
                     "Field " + p + " is too large: " + text));
      return false;
  }
  return false;
}

void FieldReader::reject_unknown(const Json& obj, const std::string& path,
                                 std::initializer_list<std::string_view> known) {
  if (!obj.is_object()) return;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (std::find(known.begin(), known.end(), it.key()) == known.end()) {
      const std::string p = pointer_join(path, it.key());
      add(make_issue(Code::FieldUnknown, p, "未知字段 " + p, "Unknown field " + p));
    }
  }
}

}  // namespace powerdesk
