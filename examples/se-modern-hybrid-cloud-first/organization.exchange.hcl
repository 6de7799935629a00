# Alpine Ski House: Exchange Server SE on premises, in a modern full hybrid
# with Exchange Online through the Microsoft Hybrid Agent, because the
# security team allows no inbound HTTPS. Most mailboxes have moved to
# Exchange Online, so the messaging team also pointed the public Autodiscover
# record at Exchange Online. Hybrid mail goes through an Edge Transport server
# in the perimeter network, which carries its own certificate, bought from the
# same CA with the same subject as the hybrid certificate. exlint reviews the
# draft before the change board.

organization "AlpineSkiHouse" {
  forest_functional_level = "2016"
  split_permissions       = false
}

site "Davos" {}

domain_controller "ASH-DC01" {
  site           = "Davos"
  os             = "2022"
  global_catalog = true
  read_only      = false
}

domain_controller "ASH-DC02" {
  site           = "Davos"
  os             = "2022"
  global_catalog = true
  read_only      = false
}

clients {
  outlook = ["365"]
}
