from seatledger.cli.commands import main

main()
