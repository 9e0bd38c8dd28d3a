export default { root: 'docs', lang: 'en', locales: [{ lang: 'en' }, { lang: 'zh' }] };
