export default { docs: 'Docs' };
