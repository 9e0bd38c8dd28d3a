export default { title: 'Tool' };
