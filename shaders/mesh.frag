#version 330 core
// Atlas-style shading: a key light from the camera, a soft fill from above and a rim
// term so muscle borders separate; both faces lit so open meshes never turn black.
// On the skin it paints referred-pain zones (coverage from the vertex stage): essential
// zones solid red, spillover zones light red with a stipple, both with soft edges; and
// the pain finder's spots in blue.
in vec3 vWorldPos;
in vec3 vNormal;
in float vEssential;
in float vSpillover;

uniform vec3 uEye;
uniform vec4 uColor;       // rgb, alpha for translucent layers
uniform float uHighlight;  // 0 = normal, 1 = selected (adds glow)
uniform vec3 uHighlightColor;

const int kMaxBlobs = 48;
uniform int uSpotCount;                // the first uSpotCount blobs are pain spots
uniform vec4 uBlobs[kMaxBlobs];
uniform vec4 uBlobNormals[kMaxBlobs];

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

    float essential = vEssential;
    float spillover = vSpillover;
    if (essential + spillover > 0.01) {
        // Stipple: a fine dot grid in screen space, like the dotted zones of printed charts.
        vec2 cell = mod(gl_FragCoord.xy, 5.0);
        float dots = (length(cell - vec2(2.5)) < 1.3) ? 1.0 : 0.0;
        vec3 spillColor = mix(vec3(0.98, 0.62, 0.58), vec3(0.86, 0.12, 0.10), dots);
        base = mix(base, vec3(0.82, 0.03, 0.03), essential);
        base = mix(base, spillColor, spillover);
        alpha = max(alpha, max(0.93 * essential, 0.85 * spillover));
    }
    float spot = 0.0;
    float spotRim = 0.0;
    for (int i = 0; i < uSpotCount; ++i) {
        if (dot(outward, uBlobNormals[i].xyz) < 0.2) continue;
        float d = distance(vWorldPos, uBlobs[i].xyz);
        float r = uBlobs[i].w;
        spot = max(spot, 1.0 - smoothstep(0.85 * r, r, d));
        spotRim = max(spotRim, smoothstep(0.6 * r, 0.75 * r, d) * (1.0 - smoothstep(0.85 * r, r, d)));
    }
    if (spot > 0.0) {
        // Pain-finder spots: blue, unlike any referral paint, with a dark rim.
        base = mix(base, mix(vec3(0.20, 0.55, 1.0), vec3(0.02, 0.10, 0.40), spotRim), spot);
        alpha = max(alpha, 0.95 * spot);
    }

    vec3 color = base * (0.30 + diffuse) + vec3(specular) - 0.18 * rim * base;
    if (essential + spillover > 0.01) color = mix(color, base, 0.45);  // keep the paint vivid in shadow
    color = mix(color, uHighlightColor * (0.55 + 0.6 * diffuse) + 0.35 * rim * uHighlightColor, uHighlight);
    fragColor = vec4(clamp(color, 0.0, 1.0), alpha);
}
