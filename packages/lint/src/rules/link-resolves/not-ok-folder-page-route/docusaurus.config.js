export default {
  presets: [['classic', { docs: {} }]],
};
