module.exports = { presets: [['classic', { docs: { routeBasePath: '/' } }]] };
