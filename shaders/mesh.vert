#version 330 core
// Anatomy surfaces: world-space position and normal for the fragment stage. On the skin
// it also works out, per vertex, how much each referred-pain zone covers it: cheaper on a
// software renderer than per pixel, and smooth enough for zones a few centimetres wide.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;

uniform mat4 uViewProjection;

const int kMaxBlobs = 48;
uniform int uBlobCount;
uniform vec4 uBlobs[kMaxBlobs];        // xyz centre on the skin, w radius
uniform vec4 uBlobNormals[kMaxBlobs];  // xyz outward skin normal, w 1 essential / 0 spillover / 2 pain spot

out vec3 vWorldPos;
out vec3 vNormal;
out float vEssential;
out float vSpillover;

void main() {
    vWorldPos = aPosition;
    vNormal = aNormal;
    float essential = 0.0;
    float spillover = 0.0;
    for (int i = 0; i < uBlobCount; ++i) {
        if (uBlobNormals[i].w > 1.5) continue;  // pain spots are drawn per pixel
        // Only skin facing the zone's own way: paint never bleeds through a limb.
        float facing = dot(aNormal, uBlobNormals[i].xyz);
        if (facing < 0.2) continue;
        float r = uBlobs[i].w;
        float t = (1.0 - smoothstep(0.72 * r, r, distance(aPosition, uBlobs[i].xyz))) * smoothstep(0.2, 0.45, facing);
        if (uBlobNormals[i].w > 0.5) essential = max(essential, t);
        else spillover = max(spillover, t);
    }
    vEssential = essential;
    vSpillover = spillover * (1.0 - essential);
    gl_Position = uViewProjection * vec4(aPosition, 1.0);
}
