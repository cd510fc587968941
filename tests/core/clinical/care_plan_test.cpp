#include <gtest/gtest.h>

#include "core/clinical/care_plan.h"

using namespace myomap;

TEST(CarePlan, Base64MatchesTheStandardAlphabetAndPadding) {
    EXPECT_EQ(base64({'M', 'a', 'n'}), "TWFu");
    EXPECT_EQ(base64({'M', 'a'}), "TWE=");
    EXPECT_EQ(base64({'M'}), "TQ==");
    EXPECT_EQ(base64({}), "");
}

TEST(CarePlan, PageEscapesTextNumbersStepsAndSaysItIsNotADiagnosis) {
    CarePlan plan;
    plan.title = "Box <muscle> & co";
    CareSection massage{"massage", "Self-massage", {}};
    massage.items.push_back({CareItem::Kind::Heading, "Ball", 0});
    massage.items.push_back({CareItem::Kind::Step, "Lean on the ball.", 1});
    massage.items.push_back({CareItem::Kind::Step, "Breathe \"out\".", 2});
    massage.items.push_back({CareItem::Kind::Bullet, "Avoid: <script>", 0});
    CareSection sources{"sources", "Sources", {{CareItem::Kind::Bullet, "A reference.", 0}}};
    plan.sections = {sources, massage};
    plan.picture.width = plan.picture.height = 2;
    plan.picture.rgba.assign(16, 200);
    const std::string html = carePlanHtml(plan);
    EXPECT_NE(html.find("<h1>Self-care plan: Box &lt;muscle&gt; &amp; co</h1>"), std::string::npos);
    EXPECT_NE(html.find("<ol>\n<li>Lean on the ball.</li>\n<li>Breathe &quot;out&quot;.</li>\n</ol>"), std::string::npos) << html;
    EXPECT_EQ(html.find("<script>"), std::string::npos);
    EXPECT_NE(html.find("not a diagnosis"), std::string::npos);
    EXPECT_NE(html.find("data:image/png;base64,iVBORw0KGgo"), std::string::npos) << "an embedded PNG";
    EXPECT_LT(html.find("<h2>Self-massage</h2>"), html.find("<h2>Sources</h2>")) << "sources come last";
}
