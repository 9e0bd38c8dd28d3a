module.exports = require('nextra')({ theme: 'nextra-theme-docs' })();
