export default { title: 'Fixture' };
