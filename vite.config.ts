import type { Plugin, UserConfigFn } from 'vite';
import { overrideVaadinConfig } from './vite.generated';
import { vaadinIconsInUse } from './frontend/vaadin-icons-in-use.js';

/*
 * Only the Vaadin icons the portal uses go into the bundle (issue 23). @vaadin/icons defines its 636 icons one per
 * line, each as <g id="vaadin:name">...</g>, in the template of vaadin-iconset.js; every line of another icon is
 * dropped. The build fails if an icon in the list is not found, e.g. after an upgrade changed that file's layout.
 */
const iconsInUse = (): Plugin => ({
  name: 'physio-portal-vaadin-icons-in-use',
  enforce: 'pre',
  transform(code, id) {
    if (!id.split('?')[0].endsWith('/@vaadin/icons/vaadin-iconset.js')) {
      return null;
    }
    const wanted = new Set(vaadinIconsInUse);
    const found = new Set<string>();
    const kept = code
      .split('\n')
      .filter((line) => {
        const icon = /^<g id="vaadin:([a-z0-9-]+)">/.exec(line);
        if (!icon) {
          return true;
        }
        if (wanted.has(icon[1])) {
          found.add(icon[1]);
          return true;
        }
        return false;
      })
      .join('\n');
    const missing = vaadinIconsInUse.filter((name) => !found.has(name));
    if (missing.length > 0) {
      this.error(`@vaadin/icons has no icon ${missing.join(', ')} (frontend/vaadin-icons-in-use.js)`);
    }
    return { code: kept, map: null };
  }
});

const customConfig: UserConfigFn = () => ({
  plugins: [iconsInUse()]
});

export default overrideVaadinConfig(customConfig);
