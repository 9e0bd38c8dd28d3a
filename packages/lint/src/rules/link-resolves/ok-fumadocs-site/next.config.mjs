export default withMDX({ reactStrictMode: true });
