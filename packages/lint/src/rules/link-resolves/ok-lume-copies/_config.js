import lume from 'lume/mod.ts';

const site = lume({ src: './' });

// The files for agents are kept in `static/` and published at the site's root.
site.copy('static', '.');
site.copy('reference_gen/gen/page.css', '/api/page.css');

export default site;
