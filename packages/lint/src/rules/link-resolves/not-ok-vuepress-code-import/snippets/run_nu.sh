echo "nu"
