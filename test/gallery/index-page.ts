import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { galleryRoles, outDir, slug, variants, type RoleManifest } from './gallery.ts';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * `out/index.html` from the roles shot so far: a section per role, a row per page, the top of
 * each of its four screenshots linked to the whole one; console errors in red under the row.
 */
export function writeIndex(): void {
  const manifests = galleryRoles
    .map((role) => join(outDir, `${slug(role)}.json`))
    .filter((file) => existsSync(file))
    .map((file) => JSON.parse(readFileSync(file, 'utf8')) as RoleManifest);
  const sections = manifests.map((manifest) => {
    const rows = manifest.shots.map((shot) => {
      const cells = variants
        .map((variant) => {
          const file = shot.files[variant.name];
          return file ? `<td><a href="${escape(file)}"><img src="${escape(file)}" alt="${escape(`${shot.route}, ${variant.name}`)}" loading="lazy"></a></td>` : '<td></td>';
        })
        .join('');
      const errors = shot.consoleErrors.length > 0 ? `<ul class="errors">${shot.consoleErrors.map((e) => `<li>${escape(e)}</li>`).join('')}</ul>` : '';
      return `<tr><th scope="row"><code>${escape(shot.route)}</code><br><small>${escape(shot.url)} · ${shot.status}</small>${errors}</th>${cells}</tr>`;
    });
    const head = `<tr><th>Page</th>${variants.map((v) => `<th>${escape(v.name)}</th>`).join('')}</tr>`;
    return `<section id="${slug(manifest.role)}"><h2>${escape(manifest.role)} — ${escape(manifest.who)}</h2><table>${head}${rows.join('')}</table></section>`;
  });
  const errorCount = manifests.flatMap((m) => m.shots).filter((s) => s.consoleErrors.length > 0).length;
  const nav = manifests.map((m) => `<a href="#${slug(m.role)}">${escape(m.role)} (${m.shots.length})</a>`).join(' · ');
  writeFileSync(
    join(outDir, 'index.html'),
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Concord gallery</title>
<style>
body{font:14px system-ui,sans-serif;margin:1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px;vertical-align:top;text-align:start}
th[scope=row]{max-width:14rem;word-break:break-all}img{display:block;width:220px;height:300px;object-fit:cover;object-position:top}
.errors{color:#b00020;font-weight:normal}
</style>
<h1>Concord gallery</h1><p>${new Date().toISOString()} · ${manifests.length} roles · pages with console errors: ${errorCount}</p><p>${nav}</p>
${sections.join('\n')}
</html>\n`,
  );
}
