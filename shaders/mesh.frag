#version 330 core
// Atlas-style shading: a key light from the camera, a soft fill from above and a rim
// term so muscle borders separate; both faces lit so open meshes never turn black.
in vec3 vWorldPos;
in vec3 vNormal;

uniform vec3 uEye;
uniform vec4 uColor;       // rgb, alpha for translucent layers
uniform float uHighlight;  // 0 = normal, 1 = selected (adds glow)
uniform vec3 uHighlightColor;

out vec4 fragColor;

void main() {
    vec3 n = normalize(vNormal);
    vec3 toEye = normalize(uEye - vWorldPos);
    if (dot(n, toEye) < 0.0) n = -n;
    vec3 key = normalize(toEye + vec3(0.0, 0.35, 0.0));
    vec3 fill = normalize(vec3(0.3, 1.0, 0.4));
    float diffuse = 0.62 * max(dot(n, key), 0.0) + 0.22 * max(dot(n, fill), 0.0);
    vec3 h = normalize(key + toEye);
    float specular = 0.12 * pow(max(dot(n, h), 0.0), 24.0);
    float rim = pow(1.0 - max(dot(n, toEye), 0.0), 3.0);
    vec3 base = uColor.rgb;
    vec3 color = base * (0.30 + diffuse) + vec3(specular) - 0.18 * rim * base;
    color = mix(color, uHighlightColor * (0.55 + 0.6 * diffuse) + 0.35 * rim * uHighlightColor, uHighlight);
    fragColor = vec4(clamp(color, 0.0, 1.0), uColor.a);
}
