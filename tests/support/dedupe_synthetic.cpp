#include "dedupe_synthetic.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

namespace powerdesk::dedupe::synthetic {
namespace {

// splitmix64: tiny, good enough, and the same everywhere.
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
  bool percent(int p) { return static_cast<int>(next() % 100) < p; }
  // Skewed towards the front of a list ordered by frequency.
  size_t skewed(size_t n) {
    const uint64_t a = next() % n, b = next() % n;
    return static_cast<size_t>(std::min(a, b));
  }
  template <typename T, size_t N>
  const T& pick(const T (&list)[N]) { return list[below(N)]; }

 private:
  uint64_t s_;
};

// ─── vocabulary ───

// By frequency (roughly the 2020 census order).
constexpr std::string_view kSurnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何",
    "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田",
    "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚",
    "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白",
    "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺",
    "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤", "单", "欧阳",
    "司马", "诸葛", "上官",
};

constexpr std::string_view kGiven[] = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
    "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "萍", "红", "鹏", "飞", "建", "国", "文", "辉", "力",
    "斌", "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "欣", "佳", "雪", "梅", "琳",
    "晶", "婷", "慧", "颖", "倩", "洁", "丹", "玲", "兰", "凤", "云", "海", "波", "峰", "鑫", "博", "晨",
    "阳", "光", "荣", "新", "春", "燕", "琴", "瑶", "蕾", "薇", "岩", "东", "亮", "成", "志", "宏", "智",
    "晓", "小", "子", "梓", "涵", "轩", "睿", "思", "雨", "诗", "语", "嘉", "怡", "泽", "铭", "瑞", "天",
    "一", "可", "安", "心", "悦", "然", "昊", "毅", "振", "伦", "松", "柏", "德", "福", "贵", "金", "珍",
    "淑", "美", "彩", "翠", "兵", "辰", "冰", "月", "星", "航", "豪", "杨", "坤", "琪", "璐", "菲",
};

// Characters with the same toneless pinyin (checked against ICU by the unit
// test): what a pinyin input method offers side by side.
constexpr std::string_view kHomophones[][6] = {
    {"伟", "玮", "炜", "维", "卫", "薇"}, {"芳", "方", "坊"},       {"静", "晶", "菁", "婧", "京"},
    {"丽", "莉", "力", "立", "利", "黎"}, {"强", "蔷"},             {"磊", "蕾", "雷"},
    {"军", "君", "钧", "俊"},             {"洋", "阳", "杨", "扬"}, {"杰", "洁", "捷", "婕"},
    {"涛", "韬", "滔"},                   {"明", "铭", "鸣", "名"}, {"平", "萍", "苹", "坪"},
    {"刚", "钢", "纲"},                   {"华", "桦", "骅"},       {"红", "宏", "洪", "鸿"},
    {"鹏", "朋", "彭"},                   {"建", "剑", "健", "坚"}, {"辉", "慧", "惠", "晖", "徽"},
    {"斌", "彬", "滨"},                   {"宇", "雨", "语", "羽", "玉"}, {"浩", "昊", "皓", "豪"},
    {"凯", "楷", "锴"},                   {"帆", "凡"},             {"宁", "凝"},
    {"林", "琳", "霖", "临"},             {"欣", "鑫", "新", "心", "馨"}, {"佳", "嘉", "家"},
    {"梅", "美", "玫"},                   {"婷", "庭", "亭"},       {"倩", "茜"},
    {"玲", "凌", "灵", "铃"},             {"兰", "岚"},             {"凤", "峰", "丰", "枫"},
    {"云", "芸"},                         {"波", "博"},             {"晨", "辰", "臣"},
    {"燕", "艳", "彦", "雁"},             {"琴", "勤", "芹"},       {"瑶", "遥"},
    {"东", "冬"},                         {"成", "诚", "程"},       {"志", "智", "芝"},
    {"思", "斯"},                         {"睿", "瑞"},             {"毅", "怡", "艺", "忆"},
    {"涵", "寒", "韩"},                   {"轩", "萱", "宣"},       {"张", "章"},
    {"王", "汪"},                         {"徐", "许"},             {"吴", "伍", "武"},
    {"江", "姜", "蒋"},                   {"于", "余", "俞"},       {"付", "傅", "富"},
    {"石", "史", "施"},                   {"肖", "萧"},             {"黄", "皇"},
};

struct Region {
  std::string_view province, city, district;  // city empty for a municipality
  std::string_view province_short;
};
constexpr Region kRegions[] = {
    {"浙江省", "杭州市", "西湖区", "浙江"}, {"浙江省", "杭州市", "拱墅区", "浙江"},
    {"浙江省", "杭州市", "上城区", "浙江"}, {"浙江省", "杭州市", "滨江区", "浙江"},
    {"浙江省", "宁波市", "鄞州区", "浙江"}, {"浙江省", "温州市", "鹿城区", "浙江"},
    {"浙江省", "湖州市", "长兴县", "浙江"}, {"江苏省", "南京市", "鼓楼区", "江苏"},
    {"江苏省", "苏州市", "姑苏区", "江苏"}, {"广东省", "广州市", "天河区", "广东"},
    {"广东省", "深圳市", "南山区", "广东"}, {"上海市", "", "浦东新区", "上海"},
    {"北京市", "", "朝阳区", "北京"},       {"四川省", "成都市", "武侯区", "四川"},
    {"湖北省", "武汉市", "洪山区", "湖北"}, {"山东省", "青岛市", "市南区", "山东"},
};

constexpr std::string_view kRoads[] = {
    "文三路", "教工路", "延安路", "解放路", "中山北路", "人民路", "建设路", "学院路", "天目山路",
    "莫干山路", "凤起路", "庆春路", "环城东路", "江南大道", "滨盛路", "长江路", "黄河路", "新华街",
    "解放大道", "和平路", "东风路", "胜利街", "光明路", "朝阳路", "幸福路", "青年路", "南京路",
    "北京路", "上塘路", "湖墅南路", "秋涛路", "望江路", "体育场路", "古墩路", "紫金港路", "丰潭路",
    "余杭塘路", "西溪路", "杭海路", "德胜路", "五一路", "三里亭路",
};

constexpr std::string_view kCompounds[] = {
    "阳光花园", "金色家园", "翠苑一区", "蓝天公寓", "桂花园", "城市花园", "和平新村", "幸福里小区",
    "锦绣江南", "世纪新城", "东方名苑", "香樟园", "梧桐苑", "滨江花苑", "丽景华庭", "春江花月",
};

constexpr std::string_view kTowns[] = {"和平镇", "林城镇", "新塘镇", "泗安镇", "洪桥镇", "夹浦镇"};
constexpr std::string_view kVillages[] = {"城南村", "李家村", "新华村", "大塘村", "白岘村", "长岗村",
                                          "金村", "上庄村"};

constexpr std::string_view kFirmWords[] = {"华", "信", "达", "通", "恒", "盛", "远", "隆", "泰", "源",
                                           "润", "创", "安", "佳", "合", "鼎", "宏", "科", "明", "正"};
constexpr std::string_view kIndustries[] = {"电器", "纺织", "机械", "食品", "建材", "科技",
                                            "贸易", "物流", "化工", "服装", "塑料", "包装"};
constexpr std::string_view kCityShort[] = {"杭州", "宁波", "温州", "湖州", "南京", "苏州",
                                           "广州", "深圳", "上海", "北京", "成都", "武汉"};

constexpr std::string_view kCnDigit[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

// ─── text helpers ───

std::vector<std::string_view> characters(std::string_view s) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

// ASCII letters and digits as their full-width forms (U+FF01–FF5E).
std::string full_width(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c > ' ' && c <= '~') {
      const unsigned cp = 0xFF01 + static_cast<unsigned>(c - '!');
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += c;
    }
  }
  return out;
}

// 12 → 十二, 3 → 三, 23 → 二十三 (up to 99).
std::string chinese_number(int n) {
  if (n < 10) return std::string(kCnDigit[n]);
  std::string out = n / 10 == 1 ? "" : std::string(kCnDigit[n / 10]);
  out += "十";
  if (n % 10) out += kCnDigit[n % 10];
  return out;
}

// 301 → 三〇一.
std::string chinese_digits(int n) {
  std::string out;
  for (char c : std::to_string(n)) out += kCnDigit[c - '0'];
  return out;
}

std::string digits(Rng& rng, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += static_cast<char>('0' + rng.below(10));
  return out;
}

// ─── customers ───

struct Address {
  size_t region = 0;
  bool village = false;
  size_t road = 0;
  int number = 0;
  int compound = -1;  // index into kCompounds, -1 none
  int building = 0, unit = 0, room = 0;  // 0: none (offices)
  char tower = 0;                        // offices: A座
  int floor = 0;                         // offices: 12层
  size_t town = 0, village_name = 0;
  int group = 0;
};

struct Customer {
  bool organisation = false;
  std::string surname;  // persons
  std::string name;
  std::string contact;
  std::string phone;  // canonical: 11 digits, or "0571-87654321"
  std::string customer_number;
  Address address;
  bool has_address = true;
};

std::string person_name(Rng& rng, const std::string& surname) {
  std::string name = surname;
  const size_t given = rng.percent(30) ? 1 : 2;
  for (size_t i = 0; i < given; ++i) name += kGiven[rng.skewed(std::size(kGiven))];
  return name;
}

std::string surname(Rng& rng) { return std::string(kSurnames[rng.skewed(std::size(kSurnames))]); }

// Every draw is its own statement: the operands of + are evaluated in an
// unspecified order (GCC and clang differ), which would make the data depend
// on the compiler.
std::string mobile(Rng& rng) {
  static constexpr std::string_view kPrefixes[] = {"13", "15", "17", "18", "19"};
  std::string out(rng.pick(kPrefixes));
  out += digits(rng, 9);
  return out;
}

std::string landline(Rng& rng) {
  static constexpr std::string_view kAreas[] = {"0571", "0574", "0577", "0572", "025", "0512", "020", "0755", "021", "010"};
  std::string out(rng.pick(kAreas));
  out += "-" + std::to_string(2 + rng.below(7));
  out += digits(rng, 7);
  return out;
}

// Floor 1–33, flat 1–4: 301, 2704.
int room_number(Rng& rng) {
  const int floor = 1 + static_cast<int>(rng.below(33));
  return floor * 100 + 1 + static_cast<int>(rng.below(4));
}

Address residential_address(Rng& rng) {
  Address a;
  a.region = rng.below(std::size(kRegions));
  if (rng.percent(10)) {
    a.village = true;
    a.town = rng.below(std::size(kTowns));
    a.village_name = rng.below(std::size(kVillages));
    a.group = 1 + static_cast<int>(rng.below(12));
    a.number = 1 + static_cast<int>(rng.below(200));
    return a;
  }
  a.road = rng.below(std::size(kRoads));
  a.number = 1 + static_cast<int>(rng.below(999));
  if (rng.percent(60)) a.compound = static_cast<int>(rng.below(std::size(kCompounds)));
  a.building = 1 + static_cast<int>(rng.below(30));
  a.unit = 1 + static_cast<int>(rng.below(6));
  a.room = room_number(rng);
  return a;
}

Address office_address(Rng& rng) {
  Address a;
  a.region = rng.below(std::size(kRegions));
  a.road = rng.below(std::size(kRoads));
  a.number = 1 + static_cast<int>(rng.below(999));
  if (rng.percent(50)) {
    a.tower = static_cast<char>('A' + rng.below(4));
    a.floor = 1 + static_cast<int>(rng.below(30));
    a.room = a.floor * 100 + 1 + static_cast<int>(rng.below(20));
  }
  return a;
}

Customer new_customer(Rng& rng) {
  Customer c;
  c.organisation = rng.percent(10);
  if (c.organisation) {
    c.name = rng.pick(kCityShort);
    c.name += rng.pick(kFirmWords);
    c.name += rng.pick(kFirmWords);
    c.name += rng.pick(kIndustries);
    c.name += rng.percent(70) ? "有限公司" : "有限责任公司";
    c.contact = person_name(rng, surname(rng));
    c.address = office_address(rng);
  } else {
    c.surname = surname(rng);
    c.name = person_name(rng, c.surname);
    const int who = static_cast<int>(rng.below(100));
    c.contact = who < 50 ? c.name : who < 75 ? person_name(rng, rng.percent(60) ? c.surname : surname(rng)) : "";
    c.address = residential_address(rng);
  }
  c.phone = rng.percent(92) ? mobile(rng) : landline(rng);
  if (rng.percent(75)) c.customer_number = "33" + digits(rng, 11);
  c.has_address = rng.percent(98);
  return c;
}

// Near non-duplicates: someone else, close to an existing customer.
Customer near_customer(Rng& rng, const Customer& other) {
  Customer c = new_customer(rng);
  if (other.organisation) return c;
  const int kind = static_cast<int>(rng.below(100));
  if (kind < 55) {  // a neighbour in the same building, often the same family name
    c.organisation = false;
    c.address = other.address;
    if (c.address.village) {
      c.address.number = other.address.number % 200 + 1;
    } else {
      c.address.room = room_number(rng);
      if (c.address.room == other.address.room) c.address.room += 1;
      if (rng.percent(30)) c.address.unit = other.address.unit % 6 + 1;
    }
    if (rng.percent(40)) {
      c.surname = other.surname;
      c.name = person_name(rng, c.surname);
      c.contact = rng.percent(50) ? c.name : "";
    }
    c.has_address = true;
  } else if (kind < 70) {  // another person in the same household: same flat and family name
    c.organisation = false;
    c.address = other.address;
    c.surname = other.surname;
    do c.name = person_name(rng, c.surname); while (c.name == other.name);
    c.contact = rng.percent(50) ? c.name : "";
    c.has_address = true;
  } else if (kind < 85) {  // a namesake elsewhere
    c.organisation = false;
    c.surname = other.surname;
    c.name = other.name;
    c.contact = rng.percent(50) ? c.name : "";
  } else {  // the same road, another house
    c.address.road = other.address.road;
    c.address.region = other.address.region;
  }
  return c;
}

// ─── damage: how a channel writes a customer down ───

std::string homophone(Rng& rng, std::string_view name) {
  std::vector<std::string_view> chars = characters(name);
  std::vector<std::pair<size_t, size_t>> options;  // (position, group)
  for (size_t i = 0; i < chars.size(); ++i)
    for (size_t g = 0; g < std::size(kHomophones); ++g)
      for (std::string_view h : kHomophones[g])
        if (!h.empty() && h == chars[i]) options.emplace_back(i, g);
  if (options.empty()) return std::string(name);
  const auto [pos, group] = options[rng.below(options.size())];
  std::vector<std::string_view> others;
  for (std::string_view h : kHomophones[group])
    if (!h.empty() && h != chars[pos]) others.push_back(h);
  chars[pos] = others[rng.below(others.size())];
  std::string out;
  for (std::string_view c : chars) out += c;
  return out;
}

std::string typo_in_name(Rng& rng, std::string_view name) {
  std::vector<std::string_view> chars = characters(name);
  const size_t pos = chars.size() > 1 ? 1 + rng.below(chars.size() - 1) : 0;
  std::string_view replacement;
  do replacement = kGiven[rng.below(std::size(kGiven))]; while (replacement == chars[pos]);
  chars[pos] = replacement;
  std::string out;
  for (std::string_view c : chars) out += c;
  return out;
}

std::string damaged_person_name(Rng& rng, const std::string& name) {
  std::string out = name;
  if (rng.percent(12)) out = homophone(rng, out);
  else if (rng.percent(3)) out = typo_in_name(rng, out);
  if (rng.percent(4)) {  // "张 伟" / "张　伟"
    const std::vector<std::string_view> chars = characters(out);
    std::string spaced = std::string(chars[0]) + (rng.percent(50) ? " " : "\u3000");
    for (size_t i = 1; i < chars.size(); ++i) spaced += chars[i];
    out = std::move(spaced);
  }
  return out;
}

std::string damaged_organisation(Rng& rng, const std::string& name) {
  std::string out = name;
  if (rng.percent(10)) {  // 有限公司 ↔ 有限责任公司
    const std::string_view longer = "有限责任公司", shorter = "有限公司";
    if (const size_t at = out.find(longer); at != std::string::npos) out.replace(at, longer.size(), shorter);
    else if (const size_t at2 = out.find(shorter); at2 != std::string::npos) out.replace(at2, shorter.size(), longer);
  }
  if (rng.percent(10)) out = out.substr(std::string("杭州").size());  // the city dropped
  return out;
}

std::string damaged_phone(Rng& rng, const std::string& phone) {
  std::string p = phone;
  if (p.size() == 11) {
    if (rng.percent(2)) {  // one digit mistyped
      const size_t at = 3 + rng.below(8);
      p[at] = static_cast<char>('0' + (p[at] - '0' + 1 + rng.below(9)) % 10);
    }
    const int style = static_cast<int>(rng.below(100));
    if (style < 10) p = p.substr(0, 3) + "-" + p.substr(3, 4) + "-" + p.substr(7);
    else if (style < 20) p = p.substr(0, 3) + " " + p.substr(3, 4) + " " + p.substr(7);
    else if (style < 25) p = "+86 " + p;
    else if (style < 27) p = "86" + p;
  } else {
    const int style = static_cast<int>(rng.below(100));
    const size_t dash = p.find('-');
    if (style < 30) p = p.substr(dash + 1);  // the area code left out
    else if (style < 45) p = "(" + p.substr(0, dash) + ")" + p.substr(dash + 1);
    else if (style < 55) p = p.substr(0, dash) + p.substr(dash + 1);
  }
  if (rng.percent(5)) p = full_width(p);
  return p;
}

std::string damaged_customer_number(Rng& rng, const std::string& number) {
  std::string n = number;
  if (rng.percent(2)) {
    const size_t at = 2 + rng.below(n.size() - 2);
    n[at] = static_cast<char>('0' + (n[at] - '0' + 1 + rng.below(9)) % 10);
  }
  if (rng.percent(5)) n = n.substr(0, 4) + " " + n.substr(4, 4) + " " + n.substr(8);
  if (rng.percent(5)) n = full_width(n);
  return n;
}

// Renders an address the way one channel writes it.
std::string render_address(Rng& rng, const Address& a, bool damaged) {
  const Region& r = kRegions[a.region];
  std::string out;
  const int prefix = damaged ? static_cast<int>(rng.below(100)) : 0;
  if (prefix < 50) out = std::string(r.province) + std::string(r.city) + std::string(r.district);
  else if (prefix < 70) out = std::string(r.city.empty() ? r.province : r.city) + std::string(r.district);
  else if (prefix < 85) out = std::string(r.district);
  else if (prefix < 95) out = "";
  else out = std::string(r.province_short) + std::string(r.city) + std::string(r.district);

  const bool chinese = damaged && rng.percent(15);
  auto number = [&](int n) { return chinese ? chinese_number(n) : std::to_string(n); };
  if (a.village) {
    out += std::string(kTowns[a.town]) + std::string(kVillages[a.village_name]) + number(a.group) + "组" +
           std::to_string(a.number) + "号";
    return damaged && rng.percent(8) ? full_width(out) : out;
  }
  out += kRoads[a.road];
  if (!(damaged && rng.percent(3))) out += std::to_string(a.number) + "号";
  if (a.compound >= 0 && !(damaged && rng.percent(10))) out += kCompounds[a.compound];
  if (a.tower) {
    out += std::string(1, a.tower) + "座";
    if (a.room) {
      if (!(damaged && rng.percent(30))) out += std::to_string(a.floor) + "层";
      out += std::to_string(a.room) + "室";
    }
  } else if (a.building) {
    const int style = damaged ? static_cast<int>(rng.below(100)) : 99;
    const std::string_view marker = style < 15 ? "幢" : style < 25 ? "号楼" : style < 30 ? "#楼" : "栋";
    const std::string building = number(a.building) + std::string(marker);
    const std::string unit = number(a.unit) + "单元";
    const bool drop_unit = damaged && rng.percent(3);
    std::string room = std::to_string(a.room);
    if (damaged && rng.percent(3)) room = chinese_digits(a.room);
    if (!(damaged && rng.percent(15))) room += "室";
    if (damaged && rng.percent(10)) {
      out += std::to_string(a.building) + "-" + std::to_string(a.unit) + "-" + std::to_string(a.room);
    } else if (damaged && rng.percent(15)) {
      out += (drop_unit ? "" : unit) + building + room;  // unit before building
    } else {
      out += building + (drop_unit ? "" : unit) + room;
    }
  }
  if (damaged && rng.percent(8)) out = full_width(out);
  if (damaged && rng.percent(4)) {  // a space somewhere
    const std::vector<std::string_view> chars = characters(out);
    const size_t at = chars.size() / 2;
    std::string spaced;
    for (size_t i = 0; i < chars.size(); ++i) spaced += std::string(i == at ? " " : "") + std::string(chars[i]);
    out = spaced;
  }
  return out;
}

Record written_down(Rng& rng, const Customer& c, bool damaged) {
  Record r;
  if (!damaged) {
    r.name = c.name;
    r.contact_name = c.contact;
    r.phone = c.phone;
    r.customer_number = c.customer_number;
    if (c.has_address) r.address = render_address(rng, c.address, false);
    return r;
  }
  if (!rng.percent(2)) r.name = c.organisation ? damaged_organisation(rng, c.name) : damaged_person_name(rng, c.name);
  if (!c.contact.empty() && !rng.percent(30)) r.contact_name = rng.percent(5) ? homophone(rng, c.contact) : c.contact;
  if (!rng.percent(20)) r.phone = damaged_phone(rng, c.phone);
  if (!c.customer_number.empty() && !rng.percent(35)) r.customer_number = damaged_customer_number(rng, c.customer_number);
  if (c.has_address && !rng.percent(4)) r.address = render_address(rng, c.address, true);
  return r;
}

}  // namespace

Dataset generate(size_t records, uint64_t seed) {
  Rng rng(seed);
  Dataset d;
  d.records.reserve(records + 4);
  d.entity.reserve(records + 4);
  std::vector<Customer> customers;
  while (d.records.size() < records) {
    Customer c = customers.empty() || !rng.percent(18) ? new_customer(rng)
                                                       : near_customer(rng, customers[rng.below(customers.size())]);
    const auto id = static_cast<uint32_t>(customers.size());
    const int roll = static_cast<int>(rng.below(100));
    const int copies = roll < 55 ? 1 : roll < 83 ? 2 : roll < 95 ? 3 : 4;
    for (int k = 0; k < copies && d.records.size() < records; ++k) {
      d.records.push_back(written_down(rng, c, k > 0));
      d.entity.push_back(id);
    }
    customers.push_back(std::move(c));
  }
  // Channels deliver in no useful order.
  for (size_t i = d.records.size(); i > 1; --i) {
    const size_t j = rng.below(i);
    std::swap(d.records[i - 1], d.records[j]);
    std::swap(d.entity[i - 1], d.entity[j]);
  }
  for (size_t i = 0; i < d.records.size(); ++i) {
    const std::string number = std::to_string(i + 1);
    std::string id(1, 'R');
    id.append(number.size() < 7 ? 7 - number.size() : 0, '0');
    id += number;
    d.records[i].id = std::move(id);
  }
  return d;
}

Quality evaluate(const DedupeResult& result, const std::vector<uint32_t>& entity) {
  Quality q;
  const uint32_t entities = entity.empty() ? 0 : *std::max_element(entity.begin(), entity.end()) + 1;
  std::vector<uint64_t> count(entities, 0);
  for (uint32_t e : entity) ++count[e];
  for (uint64_t c : count) q.true_pairs += c * (c - 1) / 2;
  std::fill(count.begin(), count.end(), 0);
  for (const Cluster& c : result.clusters) {
    const uint64_t m = c.members.size();
    q.predicted_pairs += m * (m - 1) / 2;
    for (size_t i : c.members) ++count[entity[i]];
    for (size_t i : c.members) {
      const uint64_t k = count[entity[i]];
      if (k > 0) q.correct_pairs += k * (k - 1) / 2;
      count[entity[i]] = 0;  // each entity once per cluster
    }
  }
  return q;
}

}  // namespace powerdesk::dedupe::synthetic
