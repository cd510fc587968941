#pragma once
// A linked GLSL program loaded from files in shaders/. Errors name the file and carry
// the driver's compile or link log.

#include <glm/mat3x3.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>
#include <string>
#include <unordered_map>

#include "gl_objects.h"

namespace myomap {

class ShaderProgram {
public:
    /// Compiles `dir/vertexFile` and `dir/fragmentFile` and links them. Throws GlError.
    ShaderProgram(const std::string& dir, const std::string& vertexFile, const std::string& fragmentFile);

    void use() const { glUseProgram(program_.get()); }
    void set(const char* name, float v) const { glUniform1f(location(name), v); }
    void set(const char* name, int v) const { glUniform1i(location(name), v); }
    void setArray(const char* name, const glm::vec4* values, int count) const {
        glUniform4fv(location(name), count, &values[0].x);
    }
    void set(const char* name, const glm::vec3& v) const { glUniform3f(location(name), v.x, v.y, v.z); }
    void set(const char* name, const glm::vec4& v) const { glUniform4f(location(name), v.x, v.y, v.z, v.w); }
    void set(const char* name, const glm::mat4& m) const { glUniformMatrix4fv(location(name), 1, GL_FALSE, &m[0][0]); }
    void set(const char* name, const glm::mat3& m) const { glUniformMatrix3fv(location(name), 1, GL_FALSE, &m[0][0]); }

private:
    GLint location(const char* name) const;
    GlProgramHandle program_;
    mutable std::unordered_map<std::string, GLint> locations_;
};

}  // namespace myomap
