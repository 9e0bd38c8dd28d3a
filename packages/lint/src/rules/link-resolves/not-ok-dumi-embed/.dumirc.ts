export default { themeConfig: { name: 'Fixture' } };
