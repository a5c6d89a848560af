// Loads the WebAssembly module once and mounts every panel of the page on it.
import { load, dohResolver, DEFAULT_DOH_ENDPOINT } from './pkg/index.mjs';

// Each panel is a <section class="panel" id="NAME"> with a module panels/NAME.js exporting mount().
async function mountPanels(md) {
  const nav = document.getElementById('panel-nav');
  for (const section of document.querySelectorAll('section.panel')) {
    const link = document.createElement('a');
    link.href = `#${section.id}`;
    link.textContent = section.dataset.title || section.id;
    nav.append(link);
    const panel = await import(`./panels/${section.id}.js`);
    panel.mount(section, md);
  }
}

const status = document.getElementById('status');
try {
  const md = await load();
  // DNS for the panels that need it: DNS-over-HTTPS, to ?doh=URL or a public resolver.
  md.resolve = dohResolver({ endpoint: new URLSearchParams(location.search).get('doh') || DEFAULT_DOH_ENDPOINT });
  document.getElementById('version').textContent = `maildiag ${md.version()} (WebAssembly)`;
  await mountPanels(md);
  status.textContent = 'Ready.';
  status.dataset.state = 'ready';
  document.body.dataset.ready = 'true';
} catch (err) {
  status.textContent = `Could not start maildiag: ${err.message}`;
  status.dataset.state = 'error';
  console.error(err);
}
