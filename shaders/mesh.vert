#version 330 core
// Anatomy surfaces: world-space position and normal for the fragment stage, and on the
// skin the paint worked out on the CPU (core/clinical/skin_map.h): signed distances along
// the skin to the nearest essential and spillover zone, and whether the pain drawing (and an
// earlier drawing opened for comparison) covers the vertex. Interpolating distances, not coverage, keeps zone edges smooth at any zoom.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec4 aPaint;

uniform mat4 uViewProjection;
uniform mat4 uModel;  // identity for the anatomy (already in world space); places diagram shapes
uniform mat3 uNormalMatrix;  // inverse transpose of uModel's 3x3, from the CPU (per vertex it is costly)

out vec3 vWorldPos;
out vec3 vNormal;
out vec4 vPaint;

void main() {
    vec4 world = uModel * vec4(aPosition, 1.0);
    vWorldPos = world.xyz;
    vNormal = uNormalMatrix * aNormal;
    vPaint = aPaint;
    gl_Position = uViewProjection * world;
}
