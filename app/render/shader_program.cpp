#include "shader_program.h"

#include <fstream>
#include <sstream>
#include <vector>

namespace myomap {
namespace {

std::string readSource(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw GlError(path + ": cannot open the shader file (is --shaders pointing at the shaders/ folder?)");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

GlShaderHandle compile(GLenum type, const std::string& path) {
    const std::string source = readSource(path);
    GlShaderHandle shader(glCreateShader(type));
    if (!shader.get()) throw GlError(path + ": glCreateShader failed");
    const char* text = source.c_str();
    glShaderSource(shader.get(), 1, &text, nullptr);
    glCompileShader(shader.get());
    GLint ok = GL_FALSE;
    glGetShaderiv(shader.get(), GL_COMPILE_STATUS, &ok);
    if (!ok) {
        GLint length = 0;
        glGetShaderiv(shader.get(), GL_INFO_LOG_LENGTH, &length);
        std::vector<char> log(static_cast<std::size_t>(std::max(length, 1)));
        glGetShaderInfoLog(shader.get(), length, nullptr, log.data());
        throw GlError(path + ": the shader does not compile. Driver log:\n" + std::string(log.data()));
    }
    return shader;
}

}  // namespace

ShaderProgram::ShaderProgram(const std::string& dir, const std::string& vertexFile, const std::string& fragmentFile) {
    const std::string vPath = dir + "/" + vertexFile, fPath = dir + "/" + fragmentFile;
    GlShaderHandle vs = compile(GL_VERTEX_SHADER, vPath);
    GlShaderHandle fs = compile(GL_FRAGMENT_SHADER, fPath);
    program_ = GlProgramHandle(glCreateProgram());
    glAttachShader(program_.get(), vs.get());
    glAttachShader(program_.get(), fs.get());
    glLinkProgram(program_.get());
    GLint ok = GL_FALSE;
    glGetProgramiv(program_.get(), GL_LINK_STATUS, &ok);
    if (!ok) {
        GLint length = 0;
        glGetProgramiv(program_.get(), GL_INFO_LOG_LENGTH, &length);
        std::vector<char> log(static_cast<std::size_t>(std::max(length, 1)));
        glGetProgramInfoLog(program_.get(), length, nullptr, log.data());
        throw GlError(vPath + " + " + fPath + ": the shaders do not link. Driver log:\n" + std::string(log.data()));
    }
}

GLint ShaderProgram::location(const char* name) const {
    auto it = locations_.find(name);
    if (it != locations_.end()) return it->second;
    const GLint loc = glGetUniformLocation(program_.get(), name);
    locations_.emplace(name, loc);
    return loc;
}

}  // namespace myomap
