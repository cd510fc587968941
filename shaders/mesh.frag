#version 330 core
// Atlas-style shading: a key light from the camera, a soft fill from above and a rim
// term so muscle borders separate; both faces lit so open meshes never turn black.
// On the skin it paints referred-pain zones from the skin map's signed distances: essential
// zones solid red, spillover zones light red with the chart's stipple, each edge a clean
// anti-aliased line; and the pain drawing in blue.
in vec3 vWorldPos;
in vec3 vNormal;
in vec4 vPaint;

uniform vec3 uEye;
uniform vec4 uColor;       // rgb, alpha for translucent layers
uniform float uHighlight;  // 0 = normal, 1 = selected (adds glow)
uniform vec3 uHighlightColor;

uniform int uPainted;  // 1 on the skin: read vPaint

/// 1 inside a zone, 0 outside, over about a pixel at its edge whatever the zoom.
float inside(float signedDistance) {
    float aa = max(fwidth(signedDistance), 1e-5);
    return 1.0 - smoothstep(-aa, aa, signedDistance);
}

out vec4 fragColor;

void main() {
    vec3 n = normalize(vNormal);
    vec3 outward = n;
    vec3 toEye = normalize(uEye - vWorldPos);
    if (dot(n, toEye) < 0.0) n = -n;
    vec3 key = normalize(toEye + vec3(0.0, 0.35, 0.0));
    vec3 fill = normalize(vec3(0.3, 1.0, 0.4));
    float diffuse = 0.62 * max(dot(n, key), 0.0) + 0.22 * max(dot(n, fill), 0.0);
    vec3 h = normalize(key + toEye);
    float specular = 0.12 * pow(max(dot(n, h), 0.0), 24.0);
    float rim = pow(1.0 - max(dot(n, toEye), 0.0), 3.0);
    vec3 base = uColor.rgb;
    float alpha = uColor.a;

    float essential = 0.0;
    float spillover = 0.0;
    float drawn = 0.0;
    float earlier = 0.0;
    float earlierEdge = 0.0;
    if (uPainted == 1) {
        float ew = max(fwidth(vPaint.w), 1e-4);
        earlier = smoothstep(0.5 - ew, 0.5 + ew, vPaint.w);
        // The earlier drawing's outline: a line a few pixels wide where w crosses one half.
        earlierEdge = 1.0 - smoothstep(1.5 * ew, 3.0 * ew, abs(vPaint.w - 0.5));
        essential = inside(vPaint.x);
        spillover = inside(vPaint.y) * (1.0 - essential);
        float aa = max(fwidth(vPaint.z), 1e-4);
        drawn = smoothstep(0.5 - aa, 0.5 + aa, vPaint.z);
    }
    if (essential + spillover > 0.01) {
        // Stipple: a fine dot grid in screen space, like the dotted zones of printed charts.
        vec2 cell = mod(gl_FragCoord.xy, 5.0);
        float dots = (length(cell - vec2(2.5)) < 1.3) ? 1.0 : 0.0;
        // The dots are a lighter red than the solid essential zones, so the two never read alike.
        vec3 spillColor = mix(vec3(0.98, 0.66, 0.62), vec3(0.84, 0.26, 0.22), dots);
        base = mix(base, vec3(0.82, 0.03, 0.03), essential);
        base = mix(base, spillColor, spillover);
        alpha = max(alpha, max(0.93 * essential, 0.85 * spillover));
    }
    if (drawn > 0.0) {
        // The pain drawing: blue, unlike any referral paint, with a fine hatch so it reads
        // in black and white too.
        float hatch = mod(gl_FragCoord.x + gl_FragCoord.y, 6.0) < 1.5 ? 1.0 : 0.0;
        base = mix(base, mix(vec3(0.20, 0.55, 1.0), vec3(0.02, 0.16, 0.55), hatch), drawn);
        alpha = max(alpha, 0.92 * drawn);
    }
    if (earlier > 0.0 || earlierEdge > 0.0) {
        // An earlier drawing, for comparison: orange, outlined, with crossing hatch lines
        // so it is told from the current one in colour and in black and white.
        float cross = mod(gl_FragCoord.x - gl_FragCoord.y, 8.0) < 1.5 ? 1.0 : 0.0;
        base = mix(base, vec3(0.95, 0.55, 0.10), earlier * cross * (1.0 - 0.6 * drawn));
        base = mix(base, vec3(0.80, 0.35, 0.0), earlierEdge);
        alpha = max(alpha, max(0.9 * earlierEdge, 0.8 * earlier * cross));
    }

    vec3 color = base * (0.30 + diffuse) + vec3(specular) - 0.18 * rim * base;
    if (essential + spillover > 0.01) color = mix(color, base, 0.45);  // keep the paint vivid in shadow
    color = mix(color, uHighlightColor * (0.55 + 0.6 * diffuse) + 0.35 * rim * uHighlightColor, uHighlight);
    fragColor = vec4(clamp(color, 0.0, 1.0), alpha);
}
