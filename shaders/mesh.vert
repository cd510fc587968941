#version 330 core
// Anatomy surfaces: world-space position and normal passed to the fragment stage.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;

uniform mat4 uViewProjection;

out vec3 vWorldPos;
out vec3 vNormal;

void main() {
    vWorldPos = aPosition;
    vNormal = aNormal;
    gl_Position = uViewProjection * vec4(aPosition, 1.0);
}
