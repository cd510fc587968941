#version 330 core
// Calm vertical gradient, like an atlas plate.
in vec2 vUv;
uniform vec3 uTop;
uniform vec3 uBottom;
out vec4 fragColor;
void main() { fragColor = vec4(mix(uBottom, uTop, vUv.y), 1.0); }
