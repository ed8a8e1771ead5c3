// Which Cytoscape renderer: WebGL only where a real GPU draws it. In software (SwiftShader,
// llvmpipe) Cytoscape's WebGL renderer managed 0.6 frames per second where the 2D canvas pans
// smoothly (issue 14). `?renderer=webgl` or `?renderer=canvas` in the page address overrides the
// choice (for `npm run bench` and for comparing on one machine).
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

export type RendererChoice = 'webgl' | 'canvas';

/** The GPU's name as WebGL reports it (null: no WebGL or no debug info). */
export function gpuName(): string | null {
  try {
    const gl = document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return typeof name === 'string' ? name : null;
  } catch {
    return null;
  }
}

export function isSoftwareRenderer(name: string): boolean {
  return SOFTWARE.test(name);
}

let chosen: RendererChoice | undefined;

export function chooseRenderer(search = location.search): RendererChoice {
  const asked = new URLSearchParams(search).get('renderer');
  if (asked === 'webgl' || asked === 'canvas') return asked;
  if (chosen) return chosen;
  const name = gpuName();
  chosen = name && !isSoftwareRenderer(name) ? 'webgl' : 'canvas';
  return chosen;
}
