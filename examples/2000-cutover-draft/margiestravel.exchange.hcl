# Margie's Travel: a subsidiary bought this year, still on the Exchange 2000
# server its founders installed. Its 420 mailboxes are to join the parent
# company's Microsoft 365 tenant. The integration team's first draft copies
# the parent's plan: a cutover over one weekend, with the parent's directory
# synchronization already extended to the subsidiary's domain. exlint sends
# it back: only an IMAP migration moves Exchange 2000 mailboxes.

organization "MargiesTravel" {
  forest_functional_level = "2003"
  native_mode             = true
}

site "Lyon" {}

domain_controller "MT-DC01" {
  site           = "Lyon"
  os             = "2003"
  global_catalog = true
}

server "MT-EX2K" {
  site    = "Lyon"
  version = "2000"
  update  = "SP3"
  roles   = ["back_end"]
  os      = "2000"
}

domain "margiestravel.com" {
  accepted     = "authoritative"
  verified     = true
  mx           = "on_premises"
  autodiscover = "exchange_online"
}

directory_sync {
  enabled = true
  tool    = "entra_connect"
  host_os = "2022"
  sign_in = "password_hash_sync"
}

migration {
  method    = "cutover"
  mailboxes = 420
  timeframe = "fast"
}
