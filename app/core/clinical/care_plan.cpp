#include "core/clinical/care_plan.h"

#include <cstdio>
#include <fstream>

#include "core/support/atomic_file.h"
#include "core/support/errors.h"

namespace myomap {

std::string escapeHtml(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string base64(const std::vector<std::uint8_t>& bytes) {
    static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::uint32_t n = (std::uint32_t(bytes[i]) << 16) | (i + 1 < bytes.size() ? std::uint32_t(bytes[i + 1]) << 8 : 0) |
                                (i + 2 < bytes.size() ? bytes[i + 2] : 0);
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? alphabet[(n >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? alphabet[n & 63] : '=';
    }
    return out;
}

std::string carePlanHtml(const CarePlan& plan) {
    std::string h;
    h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    h += "<title>Self-care plan: " + escapeHtml(plan.title) + "</title>\n";
    // Plain, large type that prints well on one or two pages.
    h += "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:13pt;line-height:1.45;max-width:46em;margin:2em auto;"
         "color:#222}h1{font-size:20pt;margin-bottom:0}h2{font-size:15pt;color:#8a2a22;border-bottom:1px solid #ddd;margin-top:1.4em}"
         "h3{font-size:13pt;margin-bottom:.2em}.fact{color:#7a1d14}.note{color:#555}img{max-width:100%;border:1px solid #ddd}"
         ".legend{font-size:11pt;color:#555}@media print{body{margin:0}h2{break-after:avoid}}</style>\n</head>\n<body>\n";
    h += "<h1>Self-care plan: " + escapeHtml(plan.title) + "</h1>\n";
    h += "<p class=\"note\">From Myomap, an open 3D atlas of muscle knots. This is for learning and self-care, not a diagnosis. "
         "If pain is strong, new, or not getting better, see a clinician.</p>\n";
    if (!plan.picture.rgba.empty()) {
        h += "<p><img alt=\"Where this muscle's knots send pain\" src=\"data:image/png;base64," + base64(encodePng(plan.picture)) + "\"></p>\n";
        h += "<p class=\"legend\">X = knot. Solid red = where the pain is usually felt. Light dotted red = where some people also "
             "feel it.</p>\n";
    }
    for (const auto& section : plan.sections) {
        if (section.id == "sources") continue;  // listed last, in small print
        h += "<h2>" + escapeHtml(section.title) + "</h2>\n";
        bool inList = false;
        auto closeList = [&]() {
            if (inList) h += "</ol>\n";
            inList = false;
        };
        for (const auto& item : section.items) {
            const std::string text = escapeHtml(item.text);
            switch (item.kind) {
                case CareItem::Kind::Heading: closeList(); h += "<h3>" + text + "</h3>\n"; break;
                case CareItem::Kind::Step:
                    if (!inList) h += "<ol>\n";
                    inList = true;
                    h += "<li>" + text + "</li>\n";
                    break;
                case CareItem::Kind::Bullet: closeList(); h += "<p>&bull; " + text + "</p>\n"; break;
                case CareItem::Kind::Fact: closeList(); h += "<p class=\"fact\">" + text + "</p>\n"; break;
                case CareItem::Kind::Note: closeList(); h += "<p class=\"note\">" + text + "</p>\n"; break;
                default: closeList(); h += "<p>" + text + "</p>\n";
            }
        }
        closeList();
    }
    for (const auto& section : plan.sections) {
        if (section.id != "sources") continue;
        h += "<h2>Sources</h2>\n<p class=\"legend\">";
        for (const auto& item : section.items) h += escapeHtml(item.text) + "<br>\n";
        h += "</p>\n";
    }
    h += "</body>\n</html>\n";
    return h;
}

void writeCarePlan(const std::string& path, const CarePlan& plan) { writeFileAtomically(path, carePlanHtml(plan), "the care plan"); }

}  // namespace myomap
