# Proseware: Exchange Server SE on premises, preparing a minimal hybrid to
# move its mailboxes to Exchange Online over a few weekends. To be done
# sooner, the draft points MX at Exchange Online before the first move,
# builds the connector to Exchange Online by hand, publishes Outlook on the
# web under a name of its own, and puts the second Mailbox server in the
# perimeter network "to take mail from the cloud". exlint reviews the draft.

organization "Proseware" {
  forest_functional_level = "2016"
  split_permissions       = false
}

site "Berlin" {}

domain_controller "PW-DC01" {
  site           = "Berlin"
  os             = "2022"
  global_catalog = true
  read_only      = false
}

server "PW-EX01" {
  site    = "Berlin"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2025"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

server "PW-EX02" {
  site    = "Berlin"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2025"
  dotnet  = "4.8.1"
  network = "perimeter"
  tls     = ["1.2"]
}

directory_sync {
  enabled                   = true
  tool                      = "entra_connect"
  host_os                   = "2022"
  sign_in                   = "password_hash_sync"
  exchange_hybrid_writeback = true
}
