/**
 * Fragment shaders of the compositor. Textures hold images top row first (v = 0 is the top), as
 * WebGL uploads video frames and bitmaps; only the final pass, which draws to the canvas whose
 * row 0 is the bottom, flips.
 */

/** Most taps either side of the centre a blur pass reads (after bilinear folding). */
export const MAX_BLUR_TAPS = 8;

/** The texel of `s` that texture coordinate `uv` falls in (unfiltered reads, clamped to the edge). */
const TEXEL_AT = `ivec2 texelAt(sampler2D s, vec2 uv) {
  ivec2 size = textureSize(s, 0);
  return clamp(ivec2(uv * vec2(size)), ivec2(0), size - 1);
}`;

/** What both final passes read: the camera, the mask (edges softened by `uEdges`) and the background. */
const COMPOSITE_INPUTS = `in vec2 vUv;
out vec4 outColor;
uniform sampler2D uCamera;
uniform sampler2D uMask;
uniform sampler2D uBackground;
uniform vec2 uEdges;
uniform float uHasMask;`;

/** Temporal smoothing (see temporal-smoothing.ts, same formula). Writes the smoothed mask to R. */
export const MASK_SMOOTH_FRAGMENT = `#version 300 es
precision highp float;
in vec2 vUv;
out vec4 outColor;
uniform sampler2D uMask;
uniform sampler2D uPrevious;
uniform float uFlipMask;
uniform float uHasPrevious;
uniform vec4 uSmoothing; // alphaStill, alphaMoving, motionLow, motionHigh
void main() {
  vec2 maskUv = vec2(vUv.x, mix(vUv.y, 1.0 - vUv.y, uFlipMask));
  float current = clamp(texture(uMask, maskUv).r, 0.0, 1.0);
  float previous = texture(uPrevious, vUv).r;
  float delta = current - previous;
  float alpha = mix(uSmoothing.x, uSmoothing.y, smoothstep(uSmoothing.z, uSmoothing.w, abs(delta)));
  float value = uHasPrevious > 0.5 ? previous + alpha * delta : current;
  outColor = vec4(value, 0.0, 0.0, 1.0);
}`;

/** One direction of a separable gaussian with bilinear-folded taps (see feathering.ts). */
export const SEPARABLE_BLUR_FRAGMENT = `#version 300 es
precision highp float;
in vec2 vUv;
out vec4 outColor;
uniform sampler2D uSource;
uniform vec2 uStep;
uniform float uOffsets[${MAX_BLUR_TAPS}];
uniform float uWeights[${MAX_BLUR_TAPS}];
uniform int uTaps;
void main() {
  vec4 acc = texture(uSource, vUv) * uWeights[0];
  for (int i = 1; i < ${MAX_BLUR_TAPS}; i++) {
    if (i >= uTaps) break;
    vec2 o = uStep * uOffsets[i];
    acc += (texture(uSource, vUv + o) + texture(uSource, vUv - o)) * uWeights[i];
  }
  outColor = acc;
}`;

/**
 * Shrinks the camera for the background blur and weights each pixel by how much it is background,
 * so that the person's colours do not bleed into the blurred room (alpha carries the weight).
 */
export const BLUR_PREPARE_FRAGMENT = `#version 300 es
precision highp float;
in vec2 vUv;
out vec4 outColor;
uniform sampler2D uCamera;
uniform sampler2D uMask;
uniform vec2 uHalfTexel; // half a blur-target texel, in UV
uniform vec2 uEdges;
uniform float uHasMask;
void main() {
  vec3 c = 0.25 * (texture(uCamera, vUv + vec2(-uHalfTexel.x, -uHalfTexel.y)).rgb
    + texture(uCamera, vUv + vec2(uHalfTexel.x, -uHalfTexel.y)).rgb
    + texture(uCamera, vUv + vec2(-uHalfTexel.x, uHalfTexel.y)).rgb
    + texture(uCamera, vUv + vec2(uHalfTexel.x, uHalfTexel.y)).rgb);
  float person = uHasMask > 0.5 ? smoothstep(uEdges.x, uEdges.y, texture(uMask, vUv).r) : 0.0;
  float weight = 1.0 - person;
  outColor = vec4(c * weight, weight);
}`;

/**
 * Final pass to the canvas: camera where the person is, the background elsewhere. Camera and
 * picture are the output's own size (the picture is cover-fitted to it), so their texels are read
 * directly, unfiltered; and only what a pixel shows is read (camera, background, or both at the
 * edge). Software GL (SwiftShader) pays for every texel read and filter.
 */
export const COMPOSITE_FRAGMENT = `#version 300 es
precision highp float;
${COMPOSITE_INPUTS}
uniform int uMode; // 0 off, 1 blur, 2 picture
${TEXEL_AT}
void main() {
  vec2 uv = vec2(vUv.x, 1.0 - vUv.y);
  // Before the first mask arrives the whole frame is background: the room is never shown by accident.
  float person = uMode == 0 ? 1.0 : uHasMask > 0.5 ? smoothstep(uEdges.x, uEdges.y, texture(uMask, uv).r) : 0.0;
  if (person >= 1.0) {
    outColor = vec4(texelFetch(uCamera, texelAt(uCamera, uv), 0).rgb, 1.0);
    return;
  }
  vec3 background;
  if (uMode == 1) {
    vec4 b = texture(uBackground, uv);
    background = b.a > 0.02 ? b.rgb / b.a : texelFetch(uCamera, texelAt(uCamera, uv), 0).rgb;
  } else {
    background = texelFetch(uBackground, texelAt(uBackground, uv), 0).rgb;
  }
  if (person <= 0.0) {
    outColor = vec4(background, 1.0);
    return;
  }
  outColor = vec4(mix(background, texelFetch(uCamera, texelAt(uCamera, uv), 0).rgb, person), 1.0);
}`;

/** Vertex shader of the tiled final pass: tile corners in 0…1 (see mask-tiles.ts). */
export const TILE_VERTEX = `#version 300 es
layout(location = 0) in vec2 aCorner;
out vec2 vUv;
void main() {
  vUv = aCorner;
  gl_Position = vec4(aCorner * 2.0 - 1.0, 0.0, 1.0);
}`;

/** Final pass on tiles that show only background (see mask-tiles.ts): no mask read. */
export const BACKGROUND_TILE_FRAGMENT = `#version 300 es
precision highp float;
in vec2 vUv;
out vec4 outColor;
uniform sampler2D uCamera;
uniform sampler2D uBackground;
uniform int uMode; // 1 blur, 2 picture
${TEXEL_AT}
void main() {
  vec2 uv = vec2(vUv.x, 1.0 - vUv.y);
  if (uMode == 1) {
    vec4 b = texture(uBackground, uv);
    outColor = vec4(b.a > 0.02 ? b.rgb / b.a : texelFetch(uCamera, texelAt(uCamera, uv), 0).rgb, 1.0);
  } else {
    outColor = vec4(texelFetch(uBackground, texelAt(uBackground, uv), 0).rgb, 1.0);
  }
}`;

/** Final pass on tiles that show only the person: the camera alone. */
export const PERSON_TILE_FRAGMENT = `#version 300 es
precision highp float;
in vec2 vUv;
out vec4 outColor;
uniform sampler2D uCamera;
${TEXEL_AT}
void main() {
  outColor = vec4(texelFetch(uCamera, texelAt(uCamera, vec2(vUv.x, 1.0 - vUv.y)), 0).rgb, 1.0);
}`;

/**
 * The picture background's final pass when camera and picture are the output's own size (as they
 * are: the camera sets the output size, the picture is cover-fitted to it): each pixel reads the
 * texel under it (`gl_FragCoord`, rows flipped: the canvas's row 0 is the bottom), the same texel
 * the passes above find from the texture coordinate, without interpolating one or looking up the
 * texture's size. Measured on SwiftShader at 640×480: about 2 ms less a frame. `uLastRow`: the
 * output's height - 1.
 */
const DIRECT_TEXEL = `uniform int uLastRow;
ivec2 texelUnder() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  return ivec2(p.x, uLastRow - p.y);
}`;

/** Full final pass, picture background, textures of the output's size (see DIRECT_TEXEL). */
export const PICTURE_COMPOSITE_FRAGMENT = `#version 300 es
precision highp float;
${COMPOSITE_INPUTS}
${DIRECT_TEXEL}
void main() {
  // Before the first mask arrives the whole frame is background: the room is never shown by accident.
  float person = uHasMask > 0.5 ? smoothstep(uEdges.x, uEdges.y, texture(uMask, vec2(vUv.x, 1.0 - vUv.y)).r) : 0.0;
  ivec2 texel = texelUnder();
  if (person >= 1.0) {
    outColor = vec4(texelFetch(uCamera, texel, 0).rgb, 1.0);
    return;
  }
  vec3 background = texelFetch(uBackground, texel, 0).rgb;
  if (person <= 0.0) {
    outColor = vec4(background, 1.0);
    return;
  }
  outColor = vec4(mix(background, texelFetch(uCamera, texel, 0).rgb, person), 1.0);
}`;

/** Picture tiles (see mask-tiles.ts), textures of the output's size (see DIRECT_TEXEL). */
export const PICTURE_TILE_FRAGMENT = `#version 300 es
precision highp float;
out vec4 outColor;
uniform sampler2D uBackground;
${DIRECT_TEXEL}
void main() {
  outColor = vec4(texelFetch(uBackground, texelUnder(), 0).rgb, 1.0);
}`;

/** Person tiles, textures of the output's size (see DIRECT_TEXEL). */
export const CAMERA_TILE_FRAGMENT = `#version 300 es
precision highp float;
out vec4 outColor;
uniform sampler2D uCamera;
${DIRECT_TEXEL}
void main() {
  outColor = vec4(texelFetch(uCamera, texelUnder(), 0).rgb, 1.0);
}`;
