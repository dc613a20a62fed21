from perhekeskus.cli import main

main()
